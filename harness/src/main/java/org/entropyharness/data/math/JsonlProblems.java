package org.entropyharness.data.math;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.BoundedLines;
import org.entropyharness.guard.JsonMessages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entropyharness.format.DataFormatException;

/** Reads math problems from a JSONL file (one JSON object per line) through a {@link JsonlFieldMap}. */
public final class JsonlProblems {
  private static final ObjectMapper JSON = new ObjectMapper();

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
    String question = required(file, lineNo, node, map.questionField(), "question");
    String raw = required(file, lineNo, node, map.answerField(), "answer");
    String answer = map.transform().apply(raw);
    if (answer == null || answer.isEmpty()) {
      throw new DataFormatException(
          file + ":" + lineNo + ":1: answer field '" + map.answerField() + "' has no answer under transform '"
              + map.transform().id() + "'; fix the answer or choose answer transform 'none'");
    }
    String id = map.idField() == null ? String.valueOf(lineNo) : required(file, lineNo, node, map.idField(), "id");
    String group = map.groupField() == null ? "" : required(file, lineNo, node, map.groupField(), "group");
    return new Problem(id, question, answer, group, meta(node, map));
  }

  private static String required(Path file, int lineNo, JsonNode node, String field, String role)
      throws DataFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      throw new DataFormatException(
          file + ":" + lineNo + ":1: " + role + " field '" + field + "' is " + (v == null ? "missing" : "not a value")
              + "; present fields: " + fieldNames(node) + "; fix the line or the field map");
    }
    return text(v);
  }

  /** Numbers are written in their shortest exact form, so AMC's 27.0 reads as "27". */
  private static String text(JsonNode v) {
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue().stripTrailingZeros();
      return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
    return v.asText();
  }

  private static Map<String, String> meta(JsonNode node, JsonlFieldMap map) {
    Map<String, String> meta = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      String k = e.getKey();
      boolean mapped = k.equals(map.questionField()) || k.equals(map.idField()) || k.equals(map.groupField());
      if (!mapped && e.getValue().isValueNode() && !e.getValue().isNull()) {
        meta.put(k, text(e.getValue()));
      }
    });
    return meta;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
