package org.entropyharness.run.reasoning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyharness.metric.Bootstrap;
import org.entropyharness.metric.GPassAtK;
import org.entropyharness.metric.Interval;
import org.entropyharness.run.MetricValue;

/**
 * The metrics that compare checkpoints, on one slice of one cell: policy entropy at a declared temperature and
 * G-Pass@k; against the base model ({@link BaseView}) crossover-k and the forking tokens. Every value
 * carries what it is in its provenance; a value that could not be measured is NaN with the reason there.
 */
final class CheckpointMetrics {
  private static final int REPLICATES = 1000;

  private final long seed;
  private final java.util.Map<String, PolicyEntropy> policy;
  private final BaseView base;

  /**
   * @param policy the policy entropies of each problem's traces by problem id (empty when not measured)
   * @param base the base model's view of this cell; null when the suite names no base or this cell is the base's
   */
  CheckpointMetrics(long seed, java.util.Map<String, PolicyEntropy> policy, BaseView base) {
    this.seed = seed;
    this.policy = java.util.Map.copyOf(policy);
    this.base = base;
  }

  /** Whether a requested metric name is one of these. */
  static boolean handles(String name) {
    return name.startsWith("g-pass@")
        || List.of("policy-entropy", "crossover-k", "forking-share", "forking-overlap").contains(name);
  }

  /** Whether computing {@code name} needs the per-token policy entropies. */
  static boolean needsPolicyEntropy(String name) {
    return name.equals("policy-entropy") || name.startsWith("forking-");
  }

  /** Whether computing {@code name} needs the base model. */
  static boolean needsBase(String name) {
    return name.equals("crossover-k") || name.startsWith("forking-");
  }

  /** One requested metric on one slice; empty when it does not apply (the base cell's own crossover, say). */
  List<MetricValue> metric(String name, String slice, List<ProblemOutcome> list) {
    if (name.startsWith("g-pass@")) {
      return gPass(name, slice, list);
    }
    return switch (name) {
      case "policy-entropy" -> List.of(policyEntropy(slice, list));
      default -> base == null ? List.of() : base.metric(name, slice, list, policy, seed);
    };
  }

  /** Token-mean policy entropy, with per-problem means (over that problem's tokens) as the items of paired gates. */
  private MetricValue policyEntropy(String slice, List<ProblemOutcome> list) {
    String provenance = policy.values().stream().map(PolicyEntropy::provenance).findFirst()
        .orElse("missing: not measured");
    List<String> ids = new ArrayList<>();
    List<Double> perProblem = new ArrayList<>();
    List<double[]> sumAndCount = new ArrayList<>();
    double sum = 0;
    long tokens = 0;
    for (int p = 0; p < list.size(); p++) {
      double problemSum = 0;
      long problemTokens = 0;
      PolicyEntropy measured = policy.get(list.get(p).problemId());
      for (float[] e : measured == null ? List.<float[]>of() : measured.perTrace()) {
        if (e != null) {
          for (float v : e) {
            problemSum += v;
          }
          problemTokens += e.length;
        }
      }
      if (problemTokens > 0) {
        ids.add(list.get(p).problemId());
        perProblem.add(problemSum / problemTokens);
        sumAndCount.add(new double[] {problemSum, problemTokens});
      }
      sum += problemSum;
      tokens += problemTokens;
    }
    double[] items = perProblem.stream().mapToDouble(Double::doubleValue).toArray();
    // The value is a token mean, so the interval resamples problems and recomputes the token mean (a mean of
    // per-problem means would weight short and long answers alike and can miss the value).
    Interval ci = Bootstrap.ratioOverItems(sumAndCount.stream().mapToDouble(c -> c[0]).toArray(),
        sumAndCount.stream().mapToDouble(c -> c[1]).toArray(), REPLICATES, 0.95, seed);
    // Higher is better: entropy collapse is the failure the training-time treatments fight, so a gate catches a drop.
    return new MetricValue("policy-entropy", slice, tokens == 0 ? Double.NaN : sum / tokens, ci.low(), ci.high(), tokens,
        "nats", true, tokens == 0 && !provenance.startsWith("missing") ? "missing: no token was measured" : provenance
            + ", token-mean", 0, ids, items);
  }

  /** G-Pass@k at threshold τ ({@code g-pass@16:0.5}); absent when a problem has fewer than k samples. */
  private List<MetricValue> gPass(String name, String slice, List<ProblemOutcome> list) {
    String[] parts = name.substring("g-pass@".length()).split(":");
    int k = Integer.parseInt(parts[0]);
    double tau = Double.parseDouble(parts[1]);
    if (list.stream().anyMatch(o -> o.n() < k)) {
      return List.of();
    }
    int[] samples = list.stream().mapToInt(ProblemOutcome::n).toArray();
    int[] correct = list.stream().mapToInt(ProblemOutcome::correctCount).toArray();
    Interval ci = GPassAtK.mean(samples, correct, k, tau, REPLICATES, 0.95, seed);
    double[] items = GPassAtK.perProblem(samples, correct, k, tau);
    long failed = list.stream().mapToLong(ProblemOutcome::failed).sum();
    return List.of(new MetricValue(name, slice, ci.estimate(), ci.low(), ci.high(), list.size(), "rate", true,
        String.format(Locale.ROOT, "G-Pass@%d at tau=%s, unbiased from n=%d", k, parts[1], samples[0]), failed,
        list.stream().map(ProblemOutcome::problemId).toList(), items));
  }
}
