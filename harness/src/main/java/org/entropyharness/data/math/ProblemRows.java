package org.entropyharness.data.math;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.format.DataFormatException;
import org.entropyharness.metric.answer.ReferenceAnswer;

/**
 * One row of a problem file (a JSONL line or a Parquet row, both read as a JSON object) turned into a {@link
 * Problem} through a {@link JsonlFieldMap}. Errors start with the row's location ({@code file:line:column} or
 * {@code file:row N}), say what is wrong and how to fix it.
 */
final class ProblemRows {
  private ProblemRows() {}

  /**
   * The problem in {@code node}.
   *
   * @param where the row's location, the prefix of every error message
   * @param number the 1-based row number, the id when the map names no id field
   */
  static Problem toProblem(JsonNode node, JsonlFieldMap map, String where, int number) throws DataFormatException {
    String question = required(where, node, map.questionField(), "question");
    List<String> answers = new ArrayList<>();
    String unit = map.unitField() == null ? null : optional(node, map.unitField());
    for (String raw : rawAnswers(where, node, map.answerField())) {
      String answer = map.transform().apply(raw);
      if (answer == null || answer.isEmpty()) {
        throw new DataFormatException(where + ": answer field '" + map.answerField() + "' has no answer under transform '"
            + map.transform().id() + "'; fix the answer or choose answer transform 'none'");
      }
      answers.add(map.unitPolicy().apply(answer, unit));
    }
    String id = map.idField() == null ? String.valueOf(number) : required(where, node, map.idField(), "id");
    String group = map.groupField() == null ? "" : required(where, node, map.groupField(), "group");
    return Problem.of(id, question, new ReferenceAnswer(answers, map.combination()), group, meta(node, map));
  }

  /** The answer field's value: one string or number, or a non-empty list of them. */
  private static List<String> rawAnswers(String where, JsonNode node, String field) throws DataFormatException {
    JsonNode v = node.get(field);
    if (v != null && v.isArray()) {
      List<String> out = new ArrayList<>();
      for (JsonNode element : v) {
        if (!element.isValueNode() || element.isNull()) {
          throw new DataFormatException(where + ": answer field '" + field + "' holds a list with a " + element.getNodeType()
              + "; give a list of strings or numbers");
        }
        out.add(text(element));
      }
      if (out.isEmpty()) {
        throw new DataFormatException(where + ": answer field '" + field + "' is an empty list; give at least one answer");
      }
      return out;
    }
    return List.of(required(where, node, field, "answer"));
  }

  private static String required(String where, JsonNode node, String field, String role) throws DataFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      throw new DataFormatException(where + ": " + role + " field '" + field + "' is "
          + (v == null ? "missing" : "not a value") + "; present fields: " + fieldNames(node)
          + "; fix the " + (where.contains(":row ") ? "row" : "line") + " or the field map");
    }
    return text(v);
  }

  private static String optional(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      return v.isEmpty() || v.get(0).isNull() ? null : text(v.get(0));
    }
    return text(v);
  }

  /** Numbers are written in their shortest exact form, so AMC's 27.0 reads as "27" and 1e22 keeps its digits. */
  static String text(JsonNode v) {
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
