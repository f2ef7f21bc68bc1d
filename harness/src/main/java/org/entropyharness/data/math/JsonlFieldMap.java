package org.entropyharness.data.math;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.entropyharness.metric.answer.ReferenceAnswer;

/**
 * Which fields of a problem file (JSONL lines or Parquet rows) hold the question, answer, id, group and unit, and how
 * the answer field becomes the reference.
 *
 * @param questionField field with the problem text
 * @param answerField field with the reference answer: a string, a number, or a list of them (OlympiadBench's {@code
 *     final_answer})
 * @param idField field with the item id, or null to use the 1-based line (row) number
 * @param groupField field with a slice label (level, subject), or null when the set has none
 * @param transform how each raw answer becomes a reference answer
 * @param combination how the answers of a list-valued answer field combine
 * @param unitField field with the answer's unit, or null
 * @param unitPolicy whether the unit is appended to the reference or ignored
 */
public record JsonlFieldMap(
    String questionField,
    String answerField,
    String idField,
    String groupField,
    AnswerTransform transform,
    ReferenceAnswer.Combination combination,
    String unitField,
    UnitPolicy unitPolicy) {

  public JsonlFieldMap {
    Objects.requireNonNull(questionField, "questionField");
    Objects.requireNonNull(answerField, "answerField");
    transform = transform == null ? AnswerTransform.NONE : transform;
    combination = combination == null ? ReferenceAnswer.Combination.ALL : combination;
    unitPolicy = unitPolicy == null ? UnitPolicy.APPEND : unitPolicy;
  }

  /** A field map without a unit field, whose list-valued answers all count. */
  public JsonlFieldMap(
      String questionField, String answerField, String idField, String groupField, AnswerTransform transform) {
    this(questionField, answerField, idField, groupField, transform, ReferenceAnswer.Combination.ALL, null,
        UnitPolicy.APPEND);
  }

  /** GSM8K test: question, answer ending in {@code #### N}; no id (line number), no group. */
  public static JsonlFieldMap gsm8k() {
    return new JsonlFieldMap("question", "answer", null, null, AnswerTransform.GSM8K_HASH);
  }

  /** MATH-500: problem, answer, unique_id, grouped by level. */
  public static JsonlFieldMap math500() {
    return new JsonlFieldMap("problem", "answer", "unique_id", "level", AnswerTransform.NONE);
  }

  /** AIME 2024: id, problem, answer (a string). */
  public static JsonlFieldMap aime24() {
    return new JsonlFieldMap("problem", "answer", "id", null, AnswerTransform.NONE);
  }

  /** AMC 2023: id, problem, answer (a float such as 27.0, read as "27"). */
  public static JsonlFieldMap amc23() {
    return new JsonlFieldMap("problem", "answer", "id", null, AnswerTransform.NONE);
  }

  /**
   * The preset for one of the shipped files, chosen by file name ({@code gsm8k*}, {@code math500*}, {@code aime24*},
   * {@code amc23*}).
   */
  public static JsonlFieldMap presetFor(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith("gsm8k")) {
      return gsm8k();
    } else if (name.startsWith("math500")) {
      return math500();
    } else if (name.startsWith("aime24")) {
      return aime24();
    } else if (name.startsWith("amc23")) {
      return amc23();
    }
    throw new IllegalArgumentException(
        file + ": no field-map preset for this file name; give question, answer, id and group fields explicitly");
  }
}
