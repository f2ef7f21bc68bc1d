package org.entropyharness.run.reasoning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.Trace.Measure;
import org.entropyharness.metric.Accuracy;
import org.entropyharness.metric.Bootstrap;
import org.entropyharness.metric.Interval;
import org.entropyharness.metric.MajorityVote;
import org.entropyharness.metric.PassAtK;
import org.entropyharness.run.MetricValue;

/**
 * The reasoning metrics of a cell, per slice (the whole set, then each group): accuracy of the strategy's final
 * answer, pass@k / maj@k / avg@n over the traces, token usage, entropy and confidence statistics, and always the
 * share of failed traces ({@code failed-share}, read by the failed-trace check). Rates carry per-problem scores for
 * paired gates and bootstrap intervals over problems (and samples, for pass@k). A metric the traces do not carry the
 * data for is NaN with "missing: why" in its provenance (see {@link TraceMeans}).
 */
final class ReasoningMetrics {
  private static final int REPLICATES = 1000;

  private final List<String> requested;
  private final long seed;
  private final CheckpointMetrics checkpoints;

  ReasoningMetrics(List<String> requested, long seed) {
    this(requested, seed, new CheckpointMetrics(seed, Map.of(), null));
  }

  /** @param checkpoints the metrics that compare checkpoints, with their per-cell inputs */
  ReasoningMetrics(List<String> requested, long seed, CheckpointMetrics checkpoints) {
    this.requested = List.copyOf(requested);
    this.seed = seed;
    this.checkpoints = checkpoints;
  }

  List<MetricValue> compute(List<ProblemOutcome> outcomes) {
    Map<String, List<ProblemOutcome>> slices = new LinkedHashMap<>();
    slices.put("all", outcomes);
    for (ProblemOutcome o : outcomes) {
      if (!o.group().isEmpty()) {
        slices.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(o);
      }
    }
    List<MetricValue> values = new ArrayList<>();
    slices.forEach((slice, list) -> {
      requested.forEach(m -> values.addAll(metric(m, slice, list)));
      values.add(FailedTraces.share(slice, list));
    });
    return values;
  }

  private List<MetricValue> metric(String name, String slice, List<ProblemOutcome> list) {
    if (name.startsWith("pass@") || name.startsWith("maj@") || name.startsWith("avg@")) {
      return sampled(name, slice, list);
    }
    if (CheckpointMetrics.handles(name)) {
      return checkpoints.metric(name, slice, list);
    }
    if (name.equals("entropy-law")) {
      return List.of(); // a series metric: fitted over the checkpoints' cells, not measured by one cell
    }
    return switch (name) {
      case "accuracy" -> List.of(accuracy(slice, list));
      case "tokens" -> TokenMetrics.of(slice, list);
      case "entropy" -> entropy(slice, list);
      case "confidence" -> List.of(TraceMeans.mean("confidence", slice, list, TraceMeasures::confidence,
          Measure.TOP_LOGPROBS, null, "nats", true));
      case "confidence-ece" -> List.of(ConfidenceMetrics.ece(slice, list));
      case "auroc-entropy" -> List.of(ConfidenceMetrics.auroc("auroc-entropy", slice, list,
          t -> -TraceMeasures.meanEntropy(t), Measure.TOP_LOGPROBS));
      case "auroc-confidence" -> List.of(ConfidenceMetrics.auroc("auroc-confidence", slice, list,
          TraceMeasures::confidence, Measure.TOP_LOGPROBS));
      case "failed" -> List.of(FailedTraces.count(slice, list));
      default -> throw new IllegalArgumentException("unknown reasoning metric " + name);
    };
  }

  /** Accuracy of the final answers over the problems the strategy decided; abstentions are named, not counted. */
  private MetricValue accuracy(String slice, List<ProblemOutcome> all) {
    Unmeasured abstained = new Unmeasured();
    List<ProblemOutcome> list = new ArrayList<>();
    for (ProblemOutcome o : all) {
      if (o.abstained() == null) {
        list.add(o);
      } else {
        abstained.add(o.abstained());
      }
    }
    String provenance = abstained.provenance("", list.size(), "problems");
    if (list.isEmpty()) {
      return new MetricValue("accuracy", slice, Double.NaN, Double.NaN, Double.NaN, 0, "rate", true, provenance,
          all.stream().mapToLong(ProblemOutcome::failed).sum(), List.of(), new double[0]);
    }
    boolean[] correct = new boolean[list.size()];
    for (int i = 0; i < correct.length; i++) {
      correct[i] = list.get(i).finalCorrect();
    }
    Interval error = Bootstrap.itemLevelError(correct, REPLICATES, 0.95, seed);
    MetricValue v = rate("accuracy", slice, list, 1 - error.estimate(), 1 - error.high(), 1 - error.low(),
        o -> o.finalCorrect() ? 1 : 0);
    return new MetricValue(v.metric(), v.slice(), v.value(), v.ciLow(), v.ciHigh(), v.n(), v.unit(),
        v.higherIsBetter(), provenance, all.stream().mapToLong(ProblemOutcome::failed).sum(), v.itemIds(),
        v.itemValues());
  }

  private List<MetricValue> sampled(String name, String slice, List<ProblemOutcome> list) {
    int k = Integer.parseInt(name.substring(name.indexOf('@') + 1));
    if (list.stream().anyMatch(o -> o.n() < k)) {
      return List.of(); // the strategy drew fewer than k samples: the metric does not apply to this cell
    }
    boolean[][] correct = list.stream().map(ProblemOutcome::correct).toArray(boolean[][]::new);
    ToDoubleFunction<ProblemOutcome> score = switch (name.substring(0, name.indexOf('@'))) {
      case "pass" -> o -> PassAtK.passAtK(o.n(), o.correctCount(), k);
      case "maj" -> o -> MajorityVote.majAtK(o.answers(), o.correct(), k, seed);
      default -> o -> (double) o.correctCount() / o.n();
    };
    double value = list.stream().mapToDouble(score).average().orElse(Double.NaN);
    Interval ci = name.startsWith("pass@")
        ? Bootstrap.twoLevel(correct, m -> Bootstrap.passAtK(m, k), REPLICATES, 0.95, seed)
        : Bootstrap.twoLevel(correct, Accuracy::avgAtN, REPLICATES, 0.95, seed);
    return List.of(rate(name, slice, list, value, name.startsWith("maj@") ? Double.NaN : ci.low(),
        name.startsWith("maj@") ? Double.NaN : ci.high(), score));
  }

  private List<MetricValue> entropy(String slice, List<ProblemOutcome> list) {
    List<MetricValue> out = new ArrayList<>();
    out.add(entropyMean("entropy", slice, list, TraceMeasures::meanEntropy, "nats"));
    out.add(entropyMean("entropy-p90", slice, list, t -> TraceMeasures.entropy(t).p90(), "nats"));
    out.add(entropyMean("high-entropy-share", slice, list, t -> TraceMeasures.entropy(t).highShare(), "share"));
    out.add(entropyMean("max-window-entropy", slice, list, t -> TraceMeasures.entropy(t).maxWindowMean(), "nats"));
    out.add(ConfidenceMetrics.entropyGap(slice, list));
    return out;
  }

  private static MetricValue entropyMean(String name, String slice, List<ProblemOutcome> list,
      ToDoubleFunction<Trace> stat, String unit) {
    return TraceMeans.mean(name, slice, list, stat, Measure.TOP_LOGPROBS, null, unit, false);
  }

  private static MetricValue rate(String name, String slice, List<ProblemOutcome> list, double value, double low,
      double high, ToDoubleFunction<ProblemOutcome> score) {
    List<String> ids = list.stream().map(ProblemOutcome::problemId).toList();
    double[] items = list.stream().mapToDouble(score).toArray();
    long failed = list.stream().mapToLong(ProblemOutcome::failed).sum();
    return new MetricValue(name, slice, value, low, high, list.size(), "rate", true, "", failed, ids, items);
  }
}
