package org.entropyharness.run.reasoning;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.TokenScorer;
import org.entropyharness.lm.Trace;
import org.entropyharness.metric.Crossover;
import org.entropyharness.metric.CrossoverK;
import org.entropyharness.metric.ForkingTokens;
import org.entropyharness.run.MetricValue;
import org.entropyharness.store.SampleRow;

/**
 * A cell seen from the suite's base model: the base cell's results on the same problems (same method and seed) and,
 * for the forking-token metrics, the base model's token entropies — on its own traces (which set the threshold) and on
 * this cell's traces (rescored under the base).
 */
final class BaseView {
  private static final int REPLICATES = 1000;

  private final String baseLabel;
  private final Map<String, int[]> baseCounts;
  private final double[] baseOwnEntropies;
  private final Map<String, List<float[]>> baseOnThis;
  private final String forkingProblem;
  private final double percentile;

  private BaseView(String baseLabel, Map<String, int[]> baseCounts, double[] baseOwnEntropies,
      Map<String, List<float[]>> baseOnThis, String forkingProblem, double percentile) {
    this.baseLabel = baseLabel;
    this.baseCounts = baseCounts;
    this.baseOwnEntropies = baseOwnEntropies;
    this.baseOnThis = baseOnThis;
    this.forkingProblem = forkingProblem;
    this.percentile = percentile;
  }

  /**
   * Builds the view.
   *
   * @param baseSamples the base cell's samples (one per trace)
   * @param outcomes this cell's problems
   * @param base the base model, to rescore traces for the forking metrics; null when no forking metric is asked for
   * @param prompt the prompt of a problem id
   */
  static BaseView of(String baseLabel, List<SampleRow> baseSamples, List<ProblemOutcome> outcomes, LanguageModel base,
      Function<String, String> prompt, double temperature, double percentile) throws IOException {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (SampleRow s : baseSamples) {
      int[] nc = counts.computeIfAbsent(s.itemId(), id -> new int[2]);
      nc[0]++;
      nc[1] += Boolean.TRUE.equals(s.correct()) ? 1 : 0;
    }
    if (base == null) {
      return new BaseView(baseLabel, counts, new double[0], Map.of(), "not asked for", percentile);
    }
    if (base.scorer().isEmpty()) {
      return new BaseView(baseLabel, counts, new double[0], Map.of(), "missing: the base model's backend cannot"
          + " rescore traces (only exact backends can)", percentile);
    }
    TokenScorer scorer = base.scorer().get();
    List<Double> own = new ArrayList<>();
    for (SampleRow s : baseSamples) {
      if (s.status().equals("ok") && s.text() != null) {
        Trace trace = new Trace(s.text(), s.promptTokens() == null ? 0 : s.promptTokens(),
            s.completionTokens() == null ? 0 : s.completionTokens(), null, null, null, base.info().provenance(), "",
            null);
        for (float e : scorer.entropies(prompt.apply(s.itemId()), trace, temperature)) {
          own.add((double) e);
        }
      }
    }
    Map<String, List<float[]>> onThis = new LinkedHashMap<>();
    for (ProblemOutcome o : outcomes) {
      List<float[]> perTrace = new ArrayList<>();
      for (Trace t : o.traces()) {
        perTrace.add(t.failed() ? null : rescore(scorer, prompt.apply(o.problemId()), t, temperature));
      }
      onThis.put(o.problemId(), perTrace);
    }
    return new BaseView(baseLabel, counts, own.stream().mapToDouble(Double::doubleValue).toArray(), onThis, null,
        percentile);
  }

  private static float[] rescore(TokenScorer scorer, String prompt, Trace t, double temperature) throws IOException {
    try {
      return scorer.entropies(prompt, t, temperature);
    } catch (IllegalArgumentException otherTokenizer) {
      return null;
    }
  }

  /** One base-relative metric on one slice. */
  List<MetricValue> metric(String name, String slice, List<ProblemOutcome> list, Map<String, PolicyEntropy> policy,
      long seed) {
    return switch (name) {
      case "crossover-k" -> List.of(crossover(slice, list, seed));
      case "forking-share" -> List.of(forkingShare(slice, list, policy));
      case "forking-overlap" -> List.of(forkingOverlap(slice, list, policy));
      default -> throw new IllegalArgumentException("not a base-relative metric: " + name);
    };
  }

  /** The smallest k at which the base's pass@k reaches this cell's, with its bootstrap interval. */
  private MetricValue crossover(String slice, List<ProblemOutcome> list, long seed) {
    List<ProblemOutcome> shared = list.stream().filter(o -> baseCounts.containsKey(o.problemId())).toList();
    if (shared.isEmpty()) {
      return missing("crossover-k", slice, "k", "missing: the base cell has none of these problems");
    }
    int[] n = shared.stream().mapToInt(ProblemOutcome::n).toArray();
    int[] c = shared.stream().mapToInt(ProblemOutcome::correctCount).toArray();
    int[] bn = shared.stream().mapToInt(o -> baseCounts.get(o.problemId())[0]).toArray();
    int[] bc = shared.stream().mapToInt(o -> baseCounts.get(o.problemId())[1]).toArray();
    Crossover x = CrossoverK.of(n, c, bn, bc, REPLICATES, 0.95, seed);
    String interval = String.format(Locale.ROOT, "%s..%s", x.low().isPresent() ? x.low().getAsInt() : "none",
        x.high().isPresent() ? x.high().getAsInt() : "none");
    String provenance = String.format(Locale.ROOT,
        "against %s, pass@k for k=1..%d; 95%% interval %s; %.0f%% of resamples without a crossover",
        baseLabel, x.maxK(), interval, 100 * x.shareNone());
    if (x.k().isEmpty()) {
      return missing("crossover-k", slice, "k", "none up to k=" + x.maxK() + ": " + provenance);
    }
    double low = x.low().isPresent() ? x.low().getAsInt() : Double.NaN;
    double high = x.high().isPresent() ? x.high().getAsInt() : Double.POSITIVE_INFINITY;
    return new MetricValue("crossover-k", slice, x.k().getAsInt(), low, high, shared.size(), "k", true, provenance, 0,
        List.of(), new double[0]);
  }

  /** The share of this cell's tokens whose entropy reaches the base model's forking threshold. */
  private MetricValue forkingShare(String slice, List<ProblemOutcome> list, Map<String, PolicyEntropy> policy) {
    if (forkingProblem != null) {
      return missing("forking-share", slice, "share", forkingProblem);
    }
    if (baseOwnEntropies.length == 0) {
      return missing("forking-share", slice, "share", "missing: the base cell has no scored token");
    }
    double threshold = ForkingTokens.threshold(baseOwnEntropies, percentile).value();
    double[] mine = tokens(list, id -> policy.containsKey(id) ? policy.get(id).perTrace() : List.of());
    if (mine.length == 0) {
      return missing("forking-share", slice, "share", "missing: no policy entropy was measured on this cell");
    }
    return new MetricValue("forking-share", slice, ForkingTokens.share(mine, threshold), Double.NaN, Double.NaN,
        mine.length, "share", true, String.format(Locale.ROOT, "tokens at or above %.4f nats, the %s-th percentile"
            + " of %s's token entropies", threshold, fmt(percentile), baseLabel), 0, List.of(), new double[0]);
  }

  /**
   * How far this cell's high-entropy positions coincide with the base model's on the same traces: the positions at or
   * above each model's own percentile over the pooled tokens of this cell's traces.
   */
  private MetricValue forkingOverlap(String slice, List<ProblemOutcome> list, Map<String, PolicyEntropy> policy) {
    if (forkingProblem != null) {
      return missing("forking-overlap", slice, "share", forkingProblem);
    }
    List<float[]> mine = new ArrayList<>();
    List<float[]> theirs = new ArrayList<>();
    for (ProblemOutcome o : list) {
      List<float[]> own = policy.containsKey(o.problemId()) ? policy.get(o.problemId()).perTrace() : List.of();
      List<float[]> base = baseOnThis.getOrDefault(o.problemId(), List.of());
      for (int t = 0; t < Math.min(own.size(), base.size()); t++) {
        if (own.get(t) != null && base.get(t) != null && own.get(t).length == base.get(t).length) {
          mine.add(own.get(t));
          theirs.add(base.get(t));
        }
      }
    }
    if (mine.isEmpty()) {
      return missing("forking-overlap", slice, "share", "missing: no trace was scored by both models");
    }
    double overlap = ForkingTokens.overlapOfTraces(theirs.toArray(float[][]::new), mine.toArray(float[][]::new),
        percentile);
    return new MetricValue("forking-overlap", slice, overlap, Double.NaN, Double.NaN, mine.size(), "share", true,
        String.format(Locale.ROOT, "share of %s's top-%s%% entropy positions that are also this model's, on this"
            + " model's traces", baseLabel, fmt(100 - percentile)), 0, List.of(), new double[0]);
  }

  private static double[] tokens(List<ProblemOutcome> list, Function<String, List<float[]>> perProblem) {
    List<Double> all = new ArrayList<>();
    for (ProblemOutcome o : list) {
      for (float[] e : perProblem.apply(o.problemId())) {
        if (e != null) {
          for (float v : e) {
            all.add((double) v);
          }
        }
      }
    }
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static MetricValue missing(String metric, String slice, String unit, String why) {
    return new MetricValue(metric, slice, Double.NaN, Double.NaN, Double.NaN, 0, unit, true, why, 0, List.of(),
        new double[0]);
  }
}
