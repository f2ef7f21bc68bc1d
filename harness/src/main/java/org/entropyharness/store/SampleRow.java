package org.entropyharness.store;

import java.util.List;
import java.util.Objects;

/**
 * One scored item (TTA: one image) or one sampled trace (reasoning: one completion of one problem). Columns a family
 * does not use are null.
 *
 * @param cellId the cell
 * @param method method label
 * @param seed cell seed
 * @param slice e.g. {@code fog/5} or {@code L2}
 * @param itemId dataset item id
 * @param sampleIndex trace index within the item (0 for TTA)
 * @param prediction predicted class or extracted answer
 * @param reference label or reference answer
 * @param correct whether prediction matches reference; null when the sample failed
 * @param confidence max probability (TTA) or trace confidence (reasoning)
 * @param entropy prediction entropy (TTA) or mean token entropy of the trace (reasoning), nats
 * @param promptTokens prompt tokens (reasoning)
 * @param completionTokens completion tokens (reasoning)
 * @param tokenEntropies per-token entropy (reasoning)
 * @param text completion text (reasoning)
 * @param extraction how the answer was extracted (reasoning)
 * @param status {@code ok}, or {@code error: …} for a sample that failed
 * @param modelRef the model's label, series and step in the suite (its label is "" when the suite has one model)
 */
public record SampleRow(
    String cellId,
    String method,
    long seed,
    String slice,
    String itemId,
    int sampleIndex,
    String prediction,
    String reference,
    Boolean correct,
    double confidence,
    double entropy,
    Integer promptTokens,
    Integer completionTokens,
    float[] tokenEntropies,
    String text,
    String extraction,
    String status,
    ModelRef modelRef) {

  public SampleRow {
    modelRef = modelRef == null ? ModelRef.of("") : modelRef;
    Objects.requireNonNull(cellId, "cellId");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(status, "status");
  }

  /** A sample of a suite with a single model. */
  public SampleRow(String cellId, String method, long seed, String slice, String itemId, int sampleIndex,
      String prediction, String reference, Boolean correct, double confidence, double entropy, Integer promptTokens,
      Integer completionTokens, float[] tokenEntropies, String text, String extraction, String status) {
    this(cellId, method, seed, slice, itemId, sampleIndex, prediction, reference, correct, confidence, entropy,
        promptTokens, completionTokens, tokenEntropies, text, extraction, status, ModelRef.of(""));
  }

  /** The same sample marked as a sample of a model of the suite. */
  public SampleRow of(ModelRef model) {
    return new SampleRow(cellId, method, seed, slice, itemId, sampleIndex, prediction, reference, correct, confidence,
        entropy, promptTokens, completionTokens, tokenEntropies, text, extraction, status, model);
  }

  /** A classification sample (TTA). */
  public static SampleRow classified(
      String cellId, String method, long seed, String slice, String itemId, int predicted, int label,
      double confidence, double entropy) {
    return new SampleRow(cellId, method, seed, slice, itemId, 0, Integer.toString(predicted), Integer.toString(label),
        predicted == label, confidence, entropy, null, null, null, null, null, "ok");
  }

  /** The Arrow table of sample rows ({@code samples.arrow}). */
  public static final TableSchema<SampleRow> TABLE =
      new TableSchema<>(
          "samples",
          1,
          List.of(
              Column.required("cell_id", ColumnKind.STRING, SampleRow::cellId),
              Column.required("method", ColumnKind.STRING, SampleRow::method),
              Column.required("seed", ColumnKind.LONG, SampleRow::seed),
              Column.required("slice", ColumnKind.STRING, SampleRow::slice),
              Column.required("item_id", ColumnKind.STRING, SampleRow::itemId),
              Column.required("sample_index", ColumnKind.INT, SampleRow::sampleIndex),
              Column.optional("prediction", ColumnKind.STRING, SampleRow::prediction),
              Column.optional("reference", ColumnKind.STRING, SampleRow::reference),
              Column.optional("correct", ColumnKind.BOOL, SampleRow::correct),
              Column.required("confidence", ColumnKind.DOUBLE, SampleRow::confidence),
              Column.required("entropy", ColumnKind.DOUBLE, SampleRow::entropy),
              Column.optional("prompt_tokens", ColumnKind.INT, SampleRow::promptTokens),
              Column.optional("completion_tokens", ColumnKind.INT, SampleRow::completionTokens),
              Column.optional("token_entropies", ColumnKind.FLOAT_LIST, SampleRow::tokenEntropies),
              Column.optional("text", ColumnKind.STRING, SampleRow::text),
              Column.optional("extraction", ColumnKind.STRING, SampleRow::extraction),
              Column.required("status", ColumnKind.STRING, SampleRow::status),
              Column.optional("model_label", ColumnKind.STRING, r -> r.modelRef().label()),
              Column.optional("series", ColumnKind.STRING, r -> r.modelRef().series()),
              Column.optional("step", ColumnKind.LONG, r -> r.modelRef().step())),
          r ->
              new SampleRow(
                  r.string("cell_id"), r.string("method"), r.longValue("seed"), r.string("slice"),
                  r.string("item_id"), r.intValue("sample_index"), r.string("prediction"), r.string("reference"),
                  r.bool("correct"), r.doubleValue("confidence"), r.doubleValue("entropy"),
                  r.isNull("prompt_tokens") ? null : r.intValue("prompt_tokens"),
                  r.isNull("completion_tokens") ? null : r.intValue("completion_tokens"),
                  r.isNull("token_entropies") ? null : r.floats("token_entropies"),
                  r.string("text"), r.string("extraction"), r.string("status"), ModelRef.read(r, "")));
}
