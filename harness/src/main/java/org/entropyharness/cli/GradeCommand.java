package org.entropyharness.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entropyharness.format.DataFormatException;
import org.entropyharness.guard.BoundedLines;
import org.entropyharness.guard.FileKind;
import org.entropyharness.metric.answer.AnswerChecker;
import org.entropyharness.metric.answer.Grade;
import org.entropyharness.metric.answer.ReferenceAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness grade --in outputs.jsonl --out graded.jsonl}: grades model outputs against reference answers.
 * Each input line is a JSON object with {@code answer} (the reference: text, a number, or a list of them combined as the
 * line's {@code answers} field or else {@code --answers} says) and {@code output} (the model's full text); each output line is that object plus {@code
 * extracted}, {@code extraction} and {@code correct}. Lines that also carry {@code expected} (a boolean verdict) are
 * counted: the summary gives the agreement and the false accepts and false rejects apart, per {@code category} when
 * lines name one. Numbers are read exactly, never through a double. The first bad line stops the command with a
 * located error and nothing is written: the result goes to a temporary file that replaces {@code --out} only once
 * every line is graded, and an {@code --out} that exists but is not a regular file is refused.
 */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = "Extracts final answers from model outputs and checks them against reference answers.")
public final class GradeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "JSONL with answer and output per line")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "graded JSONL to write")
  Path out;

  @Option(names = "--answers", paramLabel = "all|ordered|any", defaultValue = "all",
      description = "how a list-valued answer combines: all (any order), ordered, or any one of them (default: all)")
  String answers;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Agreement agreement = new Agreement();

  @Override
  public Integer call() throws IOException {
    ReferenceAnswer.Combination.fromId(answers);
    org.entropyharness.guard.InputFiles.require(in, org.entropyharness.guard.FileKind.JSONL);
    if (Files.exists(out) && !Files.isRegularFile(out)) {
      throw new DataFormatException(out + ":1:1: --out is not a regular file; fix: name a file to write the graded"
          + " lines to");
    }
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, out.getFileName().toString(), ".partial");
    try {
      int[] tally = gradeAll(temp);
      Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      double accuracy = tally[0] == 0 ? Double.NaN : (double) tally[1] / tally[0];
      spec.commandLine()
          .getOut()
          .printf(Locale.ROOT, "graded %d outputs: %d correct, accuracy %.4f -> %s%n", tally[0], tally[1], accuracy, out);
      agreement.print(spec.commandLine().getOut());
      return 0;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Grades every line of {@code --in} into {@code temp}; returns {lines graded, correct}. */
  private int[] gradeAll(Path temp) throws IOException {
    int graded = 0;
    int correct = 0;
    // lines bounded in length and decoded exactly: a byte that is not UTF-8 is reported at its line and column
    try (BoundedLines reader = new BoundedLines(in, FileKind.JSONL);
        BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.next()) != null) {
        int number = reader.lineNumber();
        if (line.isBlank()) {
          continue;
        }
        ObjectNode row = gradeLine(line, number);
        writer.write(JSON.writeValueAsString(row));
        writer.newLine();
        graded++;
        correct += row.get("correct").asBoolean() ? 1 : 0;
      }
    }
    return new int[] {graded, correct};
  }

  private ObjectNode gradeLine(String line, int number) throws DataFormatException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      // Jackson reports where it stopped reading: the end of the offending token.
      JsonLocation at = e.getLocation();
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      throw bad(number, column, "not valid JSON (" + firstClause(e.getOriginalMessage()) + ")", "write one JSON object per line");
    }
    if (!(node instanceof ObjectNode row)) {
      throw bad(number, 1, "expected a JSON object, found " + node.getNodeType(), "write one JSON object per line");
    }
    ReferenceAnswer reference = reference(row, number);
    String output = field(row, "output", number, false);
    Grade grade = AnswerChecker.grade(output, reference);
    JsonNode expected = row.get("expected");
    if (expected != null && !expected.isBoolean()) {
      throw bad(number, 1, "field \"expected\" is " + expected.getNodeType(), "give it as true or false");
    }
    if (expected != null) {
      JsonNode category = row.get("category");
      agreement.add(category == null ? "" : category.asText(), expected.asBoolean(), grade.correct());
    }
    row.put("extracted", grade.extracted());
    row.put("extraction", grade.extraction().label());
    row.put("correct", grade.correct());
    return row;
  }

  private ReferenceAnswer reference(ObjectNode row, int number) throws DataFormatException {
    JsonNode value = row.get("answer");
    if (value == null || !value.isArray()) {
      return ReferenceAnswer.of(field(row, "answer", number, true));
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode part : value) {
      if (!part.isTextual() && !part.isNumber()) {
        throw bad(number, 1, "field \"answer\" holds a " + part.getNodeType(), "give a list of strings or numbers");
      }
      parts.add(text(part));
    }
    if (parts.isEmpty()) {
      throw bad(number, 1, "field \"answer\" is an empty list", "give at least one answer");
    }
    JsonNode own = row.get("answers");
    String combination = own == null ? answers : own.asText();
    try {
      return new ReferenceAnswer(parts, ReferenceAnswer.Combination.fromId(combination));
    } catch (IllegalArgumentException e) {
      throw bad(number, 1, "field \"answers\" is '" + combination + "'", "give all, ordered or any");
    }
  }

  /** A number in its exact shortest form (1e22 keeps its 23 digits), or the text. */
  private static String text(JsonNode v) {
    if (v.isNumber()) {
      java.math.BigDecimal d = v.decimalValue().stripTrailingZeros();
      return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
    return v.asText();
  }

  private String field(ObjectNode row, String name, int number, boolean numberAllowed) throws DataFormatException {
    JsonNode value = row.get(name);
    if (value == null || value.isNull()) {
      throw bad(number, 1, "missing field \"" + name + "\"", "add \"" + name + "\" to every line");
    }
    if (!value.isTextual() && !(numberAllowed && value.isNumber())) {
      throw bad(
          number,
          1,
          "field \"" + name + "\" is " + value.getNodeType(),
          numberAllowed ? "give it as a string or a number" : "give it as a string");
    }
    return text(value);
  }

  private DataFormatException bad(int line, int column, String what, String fix) {
    return new DataFormatException(in + ":" + line + ":" + column + ": " + what + "; fix: " + fix);
  }

  /** Jackson's message up to where it starts describing its own source location. */
  private static String firstClause(String message) {
    String m = message.lines().findFirst().orElse(message);
    int at = m.indexOf(" (start marker at");
    return at < 0 ? m : m.substring(0, at);
  }
}
