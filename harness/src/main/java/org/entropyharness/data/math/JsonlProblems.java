package org.entropyharness.data.math;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.BoundedLines;
import org.entropyharness.guard.JsonMessages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.entropyharness.format.DataFormatException;

/**
 * Reads math problems from a JSONL file (one JSON object per line) through a {@link JsonlFieldMap}; the answer field
 * may hold a list.
 */
public final class JsonlProblems {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsonlProblems() {}

  /** Reads the file with the preset its name selects. */
  public static List<Problem> read(Path file) throws IOException {
    return read(file, JsonlFieldMap.presetFor(file));
  }

  /**
   * Reads every non-blank line as one problem, in file order.
   *
   * @throws DataFormatException on a malformed line, a missing field or a duplicate id; the message starts with
   *     {@code file:line:column:}
   */
  public static List<Problem> read(Path file, JsonlFieldMap map) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (BoundedLines in = new BoundedLines(file, FileKind.JSONL)) {
      String line;
      while ((line = in.next()) != null) {
        int lineNo = in.lineNumber();
        if (line.isBlank()) {
          continue;
        }
        Problem p = parseLine(file, lineNo, line, map);
        if (!ids.add(p.id())) {
          throw new DataFormatException(
              file + ":" + lineNo + ":1: duplicate id '" + p.id() + "'; ids must be unique within a dataset");
        }
        problems.add(p);
      }
    }
    return List.copyOf(problems);
  }

  private static Problem parseLine(Path file, int lineNo, String line, JsonlFieldMap map) throws DataFormatException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
      throw new DataFormatException(
          file + ":" + lineNo + ":" + col + ": malformed JSON (" + JsonMessages.firstClause(e)
              + "); fix the line so it is one complete JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new DataFormatException(
          file + ":" + lineNo + ":1: expected a JSON object per line; put each problem on its own line as {...}");
    }
    return ProblemRows.toProblem(node, map, file + ":" + lineNo + ":1", lineNo);
  }

}
