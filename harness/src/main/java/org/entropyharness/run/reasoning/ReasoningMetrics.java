package org.entropyharness.run.reasoning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.entropyharness.metric.Accuracy;
import org.entropyharness.metric.Auroc;
import org.entropyharness.metric.Bootstrap;
import org.entropyharness.metric.Calibration;
import org.entropyharness.metric.DeepConf;
import org.entropyharness.metric.Interval;
import org.entropyharness.metric.MajorityVote;
import org.entropyharness.metric.PassAtK;
import org.entropyharness.metric.TraceEntropyStats;
import org.entropyharness.lm.Trace;
import org.entropyharness.run.MetricValue;

/**
 * The reasoning metrics of a cell, per slice (the whole set, then each group): accuracy of the strategy's final
 * answer, pass@k / maj@k / avg@n over the traces, token usage, entropy and confidence statistics. Rates carry
 * per-problem scores for paired gates and bootstrap intervals over problems (and samples, for pass@k).
 */
final class ReasoningMetrics {
  /** Tokens above this entropy (nats) count as high-entropy "forking" tokens. */
  static final double HIGH_ENTROPY = 1.0;
  /** Window (tokens) of the max window-mean entropy and of DeepConf group confidence. */
  static final int WINDOW = 16;
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
    slices.forEach((slice, list) -> requested.forEach(m -> values.addAll(metric(m, slice, list))));
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
      case "confidence" -> List.of(perTraceMean("confidence", slice, list, ReasoningMetrics::confidence, "nats", true));
      case "confidence-ece" -> List.of(confidenceEce(slice, list));
      case "auroc-entropy" -> List.of(auroc("auroc-entropy", slice, list, t -> -meanEntropy(t)));
      case "auroc-confidence" -> List.of(auroc("auroc-confidence", slice, list, ReasoningMetrics::confidence));
      case "failed" -> List.of(MetricValue.plain("failed", slice, list.stream().mapToLong(ProblemOutcome::failed).sum(),
          list.stream().mapToLong(ProblemOutcome::n).sum(), "traces", false));
      default -> throw new IllegalArgumentException("unknown reasoning metric " + name);
    };
  }

  private MetricValue accuracy(String slice, List<ProblemOutcome> list) {
    boolean[] correct = new boolean[list.size()];
    for (int i = 0; i < correct.length; i++) {
      correct[i] = list.get(i).finalCorrect();
    }
    Interval error = Bootstrap.itemLevelError(correct, REPLICATES, 0.95, seed);
    return rate("accuracy", slice, list, 1 - error.estimate(), 1 - error.high(), 1 - error.low(), o -> o.finalCorrect() ? 1 : 0);
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
    String provenance = list.stream().flatMap(o -> o.traces().stream()).filter(t -> !t.failed())
        .map(t -> t.provenance().label()).findFirst().orElse("");
    List<MetricValue> out = new ArrayList<>();
    out.add(withProvenance(perTraceMean("entropy", slice, list, ReasoningMetrics::meanEntropy, "nats", false), provenance));
    out.add(withProvenance(perTraceMean("entropy-p90", slice, list, t -> stats(t).p90(), "nats", false), provenance));
    out.add(withProvenance(perTraceMean("high-entropy-share", slice, list, t -> stats(t).highShare(), "share", false), provenance));
    out.add(withProvenance(perTraceMean("max-window-entropy", slice, list, t -> stats(t).maxWindowMean(), "nats", false), provenance));
    out.add(withProvenance(entropyOfWrongMinusRight(slice, list), provenance));
    return out;
  }

  /** Mean token entropy of wrong traces minus that of right ones: positive when entropy flags errors. */
  private static MetricValue entropyOfWrongMinusRight(String slice, List<ProblemOutcome> list) {
    double[] sum = new double[2];
    int[] count = new int[2];
    for (ProblemOutcome o : list) {
      for (int i = 0; i < o.n(); i++) {
        Trace t = o.traces().get(i);
        if (!t.failed()) {
          int side = o.correct()[i] ? 0 : 1;
          sum[side] += meanEntropy(t);
          count[side]++;
        }
      }
    }
    double gap = count[0] == 0 || count[1] == 0 ? Double.NaN : sum[1] / count[1] - sum[0] / count[0];
    return MetricValue.plain("entropy-gap-wrong-right", slice, gap, count[0] + count[1], "nats", true);
  }

  private MetricValue confidenceEce(String slice, List<ProblemOutcome> list) {
    List<Double> conf = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    for (ProblemOutcome o : list) {
      for (int i = 0; i < o.n(); i++) {
        if (!o.traces().get(i).failed()) {
          conf.add(probability(o.traces().get(i)));
          right.add(o.correct()[i]);
        }
      }
    }
    double[] c = conf.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] r = new boolean[right.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = right.get(i);
    }
    double ece = c.length == 0 ? Double.NaN : Calibration.ece(c, r);
    return MetricValue.plain("confidence-ece", slice, ece, c.length, "rate", false);
  }

  private static MetricValue auroc(String name, String slice, List<ProblemOutcome> list, ToDoubleFunction<Trace> score) {
    List<Double> s = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    for (ProblemOutcome o : list) {
      for (int i = 0; i < o.n(); i++) {
        if (!o.traces().get(i).failed()) {
          s.add(score.applyAsDouble(o.traces().get(i)));
          right.add(o.correct()[i]);
        }
      }
    }
    boolean[] r = new boolean[right.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = right.get(i);
    }
    boolean both = right.contains(true) && right.contains(false);
    double value = both ? Auroc.auroc(s.stream().mapToDouble(Double::doubleValue).toArray(), r) : Double.NaN;
    return MetricValue.plain(name, slice, value, r.length, "auc", true);
  }

  /** A metric that averages a per-trace statistic; per-problem item values are the mean over its traces. */
  private static MetricValue perTraceMean(
      String name, String slice, List<ProblemOutcome> list, ToDoubleFunction<Trace> stat, String unit, boolean higher) {
    List<String> ids = new ArrayList<>();
    double[] perProblem = new double[list.size()];
    double sum = 0;
    long n = 0;
    for (int p = 0; p < list.size(); p++) {
      double problemSum = 0;
      int problemN = 0;
      for (Trace t : list.get(p).traces()) {
        if (!t.failed() && t.tokenEntropies().length > 0) {
          double v = stat.applyAsDouble(t);
          problemSum += v;
          problemN++;
        }
      }
      ids.add(list.get(p).problemId());
      perProblem[p] = problemN == 0 ? 0 : problemSum / problemN;
      sum += problemSum;
      n += problemN;
    }
    return new MetricValue(name, slice, n == 0 ? Double.NaN : sum / n, Double.NaN, Double.NaN, n, unit, higher, "", 0, ids, perProblem);
  }

  private static MetricValue rate(String name, String slice, List<ProblemOutcome> list, double value, double low, double high,
      ToDoubleFunction<ProblemOutcome> score) {
    List<String> ids = list.stream().map(ProblemOutcome::problemId).toList();
    double[] items = list.stream().mapToDouble(score).toArray();
    long failed = list.stream().mapToLong(ProblemOutcome::failed).sum();
    return new MetricValue(name, slice, value, low, high, list.size(), "rate", true, "", failed, ids, items);
  }

  private static MetricValue withProvenance(MetricValue v, String provenance) {
    return new MetricValue(v.metric(), v.slice(), v.value(), v.ciLow(), v.ciHigh(), v.n(), v.unit(), v.higherIsBetter(),
        provenance, v.failed(), v.itemIds(), v.itemValues());
  }

  static double meanEntropy(Trace t) {
    return stats(t).mean();
  }

  private static TraceEntropyStats stats(Trace t) {
    return TraceEntropyStats.of(t.tokenEntropies(), HIGH_ENTROPY, WINDOW);
  }

  /** DeepConf mean token confidence of a trace (higher: more confident). */
  static double confidence(Trace t) {
    return t.tokenConfidences().length == 0 ? 0 : DeepConf.score(t.tokenConfidences(), WINDOW).mean();
  }

  /** The geometric-mean probability of the chosen tokens: a confidence in [0, 1] for calibration. */
  static double probability(Trace t) {
    float[] lp = t.tokenLogprobs();
    if (lp.length == 0) {
      return 0;
    }
    double sum = 0;
    for (float v : lp) {
      sum += v;
    }
    return Math.exp(sum / lp.length);
  }
}
