package org.entropyharness.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One measured value: a metric of a cell on one slice of the dataset. Where the metric is a mean of per-item
 * scores, the scores are kept too ({@code itemIds}, {@code itemValues}) so a gate can pair items with a baseline.
 *
 * @param suite suite name
 * @param family tta or reasoning
 * @param dataset dataset name
 * @param slice e.g. {@code gaussian_noise/5}, {@code L3}, or {@code all}
 * @param model model name
 * @param method method label
 * @param methodId registered method id
 * @param params method parameters as canonical JSON
 * @param seed cell seed
 * @param cellId cell id within the suite
 * @param metric metric name
 * @param value the value
 * @param ciLow lower end of the 95% bootstrap interval (NaN when none)
 * @param ciHigh upper end
 * @param n number of items the value is over
 * @param unit e.g. {@code rate}, {@code nats}, {@code tokens}, {@code images/s}
 * @param higherIsBetter direction
 * @param provenance how the value was obtained where that matters (entropies: {@code exact T=1} or {@code top-20
 *     renormalised T=server}, see {@code lm.EntropyProvenance}), else ""
 * @param failed samples that failed and are excluded or counted as wrong (reasoning), else 0
 * @param fingerprint the cell's fingerprint
 * @param runId run id
 * @param harnessVersion harness version
 * @param createdAt when the row was made
 * @param itemIds ids of the items behind the value (empty when the metric is not a mean of item scores)
 * @param itemValues the per-item scores, aligned with itemIds
 * @param modelRef the model's label, series and step in the suite
 */
public record MetricRow(
    String suite,
    String family,
    String dataset,
    String slice,
    String model,
    String method,
    String methodId,
    String params,
    long seed,
    String cellId,
    String metric,
    double value,
    double ciLow,
    double ciHigh,
    long n,
    String unit,
    boolean higherIsBetter,
    String provenance,
    long failed,
    Fingerprint fingerprint,
    String runId,
    String harnessVersion,
    Instant createdAt,
    List<String> itemIds,
    double[] itemValues,
    ModelRef modelRef) {

  public MetricRow {
    modelRef = modelRef == null ? ModelRef.of(model) : modelRef;
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(fingerprint, "fingerprint");
    itemIds = List.copyOf(itemIds);
    itemValues = itemValues.clone();
    if (itemIds.size() != itemValues.length) {
      throw new IllegalArgumentException(itemIds.size() + " item ids but " + itemValues.length + " item values");
    }
  }

  /** A row of a suite with a single model: the model's label is its name. */
  public MetricRow(String suite, String family, String dataset, String slice, String model, String method,
      String methodId, String params, long seed, String cellId, String metric, double value, double ciLow,
      double ciHigh, long n, String unit, boolean higherIsBetter, String provenance, long failed,
      Fingerprint fingerprint, String runId, String harnessVersion, Instant createdAt, List<String> itemIds,
      double[] itemValues) {
    this(suite, family, dataset, slice, model, method, methodId, params, seed, cellId, metric, value, ciLow, ciHigh, n,
        unit, higherIsBetter, provenance, failed, fingerprint, runId, harnessVersion, createdAt, itemIds, itemValues,
        ModelRef.of(model));
  }

  /** Whether per-item scores are kept, so paired comparisons are possible. */
  public boolean hasItems() {
    return !itemIds.isEmpty();
  }

  /** Whether {@code rows} come from more than one model (checkpoints): a method's cells then differ by model. */
  public static boolean ofSeveralModels(Collection<MetricRow> rows) {
    return rows.stream().map(r -> r.modelRef().label()).distinct().limit(2).count() > 1;
  }

  /** How charts and rankings name this row's cell: the method, after the model's label when there are several. */
  public String cellName(boolean severalModels) {
    return severalModels ? modelRef.label() + "/" + method : method;
  }

  /** The key that identifies this row across runs: cell, slice and metric. */
  public String key() {
    return cellId + " " + slice + " " + metric;
  }

  /** This row as part of another run (used by promote and merge). */
  public MetricRow withRun(String newRunId) {
    return new MetricRow(suite, family, dataset, slice, model, method, methodId, params, seed, cellId, metric, value,
        ciLow, ciHigh, n, unit, higherIsBetter, provenance, failed, fingerprint, newRunId, harnessVersion, createdAt,
        itemIds, itemValues, modelRef);
  }

  /**
   * This row with its value, interval and count but no per-item scores: what a summaries-only baseline keeps. A
   * gate against it uses the unpaired test on the two intervals, less sensitive than pairing items.
   */
  public MetricRow withoutItems() {
    return new MetricRow(suite, family, dataset, slice, model, method, methodId, params, seed, cellId, metric, value,
        ciLow, ciHigh, n, unit, higherIsBetter, provenance, failed, fingerprint, runId, harnessVersion, createdAt,
        List.of(), new double[0], modelRef);
  }

  /** The Arrow table of metric rows ({@code metrics.arrow} and baselines). */
  public static final TableSchema<MetricRow> TABLE =
      new TableSchema<>(
          "metrics",
          1,
          List.of(
              Column.required("suite", ColumnKind.STRING, MetricRow::suite),
              Column.required("family", ColumnKind.STRING, MetricRow::family),
              Column.required("dataset", ColumnKind.STRING, MetricRow::dataset),
              Column.required("slice", ColumnKind.STRING, MetricRow::slice),
              Column.required("model", ColumnKind.STRING, MetricRow::model),
              Column.required("method", ColumnKind.STRING, MetricRow::method),
              Column.required("method_id", ColumnKind.STRING, MetricRow::methodId),
              Column.required("params", ColumnKind.STRING, MetricRow::params),
              Column.required("seed", ColumnKind.LONG, MetricRow::seed),
              Column.required("cell_id", ColumnKind.STRING, MetricRow::cellId),
              Column.required("metric", ColumnKind.STRING, MetricRow::metric),
              Column.required("value", ColumnKind.DOUBLE, MetricRow::value),
              Column.required("ci_low", ColumnKind.DOUBLE, MetricRow::ciLow),
              Column.required("ci_high", ColumnKind.DOUBLE, MetricRow::ciHigh),
              Column.required("n", ColumnKind.LONG, MetricRow::n),
              Column.required("unit", ColumnKind.STRING, MetricRow::unit),
              Column.required("higher_is_better", ColumnKind.BOOL, MetricRow::higherIsBetter),
              Column.required("provenance", ColumnKind.STRING, MetricRow::provenance),
              Column.required("failed", ColumnKind.LONG, MetricRow::failed),
              Column.required("fingerprint", ColumnKind.STRING, r -> r.fingerprint().value()),
              Column.required("fingerprint_parts", ColumnKind.STRING, r -> r.fingerprint().encode()),
              Column.required("run_id", ColumnKind.STRING, MetricRow::runId),
              Column.required("harness_version", ColumnKind.STRING, MetricRow::harnessVersion),
              Column.required("created_at", ColumnKind.TIMESTAMP, MetricRow::createdAt),
              Column.required("item_ids", ColumnKind.STRING_LIST, MetricRow::itemIds),
              Column.required("item_values", ColumnKind.DOUBLE_LIST, MetricRow::itemValues),
              Column.optional("model_label", ColumnKind.STRING, r -> r.modelRef().label()),
              Column.optional("series", ColumnKind.STRING, r -> r.modelRef().series()),
              Column.optional("step", ColumnKind.LONG, r -> r.modelRef().step())),
          r ->
              new MetricRow(
                  r.string("suite"), r.string("family"), r.string("dataset"), r.string("slice"), r.string("model"),
                  r.string("method"), r.string("method_id"), r.string("params"), r.longValue("seed"),
                  r.string("cell_id"), r.string("metric"), r.doubleValue("value"), r.doubleValue("ci_low"),
                  r.doubleValue("ci_high"), r.longValue("n"), r.string("unit"), r.bool("higher_is_better"),
                  r.string("provenance"), r.longValue("failed"), Fingerprint.decode(r.string("fingerprint_parts")),
                  r.string("run_id"), r.string("harness_version"), r.instant("created_at"),
                  r.strings("item_ids"), r.doubles("item_values"), ModelRef.read(r, r.string("model"))));
}
