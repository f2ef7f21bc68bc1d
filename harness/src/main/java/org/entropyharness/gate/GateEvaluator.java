package org.entropyharness.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.GateSpec;

/**
 * Decides a gate: compares a cell's metric row with the baseline's, noise-aware and one-sided.
 *
 * <p>When both rows carry per-item scores, the items are paired by id and the mean paired difference is
 * bootstrapped. Otherwise the two rows' own intervals are combined under a normal approximation. The run fails only
 * when the whole interval of "worse by" lies beyond the tolerance.
 */
public final class GateEvaluator {
  private static final int MAX_FLIPS_SHOWN = 20;

  private final boolean allowOtherFingerprint;

  /** @param allowOtherFingerprint compare even when baseline and run measured different things */
  public GateEvaluator(boolean allowOtherFingerprint) {
    this.allowOtherFingerprint = allowOtherFingerprint;
  }

  /**
   * Compares a current row with its baseline row, both present and finite ({@link GatePolicy} checks that first).
   */
  public GateDecision decide(GateSpec gate, MetricRow current, MetricRow baseline) {
    List<String> differing = baseline.fingerprint().differingParts(current.fingerprint());
    if (!differing.isEmpty() && !allowOtherFingerprint) {
      return new GateDecision.Incomparable(gate, "the baseline of " + current.cellId() + " measured something else: "
          + "fingerprint differs in " + String.join(", ", differing)
          + "; re-promote the baseline, or pass -Dharness.allowFingerprintMismatch=true to compare anyway");
    }
    Comparison c = compare(current, baseline, gate.confidence(), gate.tolerance().inMetricUnits(baseline.value()));
    if (c.low() > c.tolerance()) {
      return new GateDecision.Regressed(gate, c);
    }
    if (c.high() < -c.tolerance()) {
      return new GateDecision.Improved(gate, c);
    }
    if (c.high() <= c.tolerance()) {
      return new GateDecision.Pass(gate, c);
    }
    return new GateDecision.Inconclusive(gate, c);
  }

  /** The comparison alone, at a confidence and tolerance (used by {@code harness compare}). */
  public static Comparison compare(MetricRow current, MetricRow baseline, double confidence, double tolerance) {
    double sign = current.higherIsBetter() ? -1 : 1;
    if (current.hasItems() && baseline.hasItems()) {
      Comparison paired = paired(current, baseline, confidence, tolerance, sign);
      if (paired != null) {
        return paired;
      }
    }
    return unpaired(current, baseline, confidence, tolerance, sign);
  }

  private static Comparison paired(MetricRow cur, MetricRow base, double confidence, double tolerance, double sign) {
    Map<String, Double> before = new HashMap<>();
    for (int i = 0; i < base.itemIds().size(); i++) {
      before.put(base.itemIds().get(i), base.itemValues()[i]);
    }
    List<Double> worse = new ArrayList<>();
    List<Flip> flips = new ArrayList<>();
    for (int i = 0; i < cur.itemIds().size(); i++) {
      Double b = before.get(cur.itemIds().get(i));
      if (b != null) {
        double w = sign * (cur.itemValues()[i] - b);
        worse.add(w);
        if (w > 0) {
          flips.add(new Flip(cur.itemIds().get(i), b, cur.itemValues()[i]));
        }
      }
    }
    if (worse.isEmpty()) {
      return null;
    }
    double[] values = worse.stream().mapToDouble(Double::doubleValue).toArray();
    double mean = java.util.Arrays.stream(values).average().orElse(0);
    double[] q = PairedBootstrap.meanQuantiles(values, seedOf(cur), 1 - confidence, confidence);
    flips.sort(Comparator.comparingDouble((Flip f) -> -Math.abs(f.current() - f.baseline())).thenComparing(Flip::itemId));
    return new Comparison(cur.metric(), cur.slice(), base.value(), cur.value(), mean, q[0], q[1], tolerance,
        values.length, flips.subList(0, Math.min(MAX_FLIPS_SHOWN, flips.size())), flips.size());
  }

  private static Comparison unpaired(MetricRow cur, MetricRow base, double confidence, double tolerance, double sign) {
    double worse = sign * (cur.value() - base.value());
    double z95 = 1.959963984540054;
    double se = Math.sqrt(sq(halfWidth(cur) / z95) + sq(halfWidth(base) / z95));
    double z = new NormalDistribution().inverseCumulativeProbability(confidence);
    return new Comparison(cur.metric(), cur.slice(), base.value(), cur.value(), worse, worse - z * se, worse + z * se,
        tolerance, 0, List.of(), 0);
  }

  private static double halfWidth(MetricRow row) {
    double w = (row.ciHigh() - row.ciLow()) / 2;
    return Double.isFinite(w) ? w : 0;
  }

  private static double sq(double x) {
    return x * x;
  }

  /** The bootstrap seed: fixed per cell and metric, so reruns decide alike. */
  private static long seedOf(MetricRow row) {
    return (row.cellId() + "|" + row.slice() + "|" + row.metric()).hashCode() * 0x9E3779B97F4A7C15L + row.seed();
  }
}
