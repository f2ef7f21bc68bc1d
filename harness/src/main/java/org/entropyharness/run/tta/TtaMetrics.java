package org.entropyharness.run.tta;

import java.util.ArrayList;
import java.util.List;
import org.entropyharness.metric.Bootstrap;
import org.entropyharness.metric.Calibration;
import org.entropyharness.metric.Interval;
import org.entropyharness.run.MetricValue;

/**
 * What a TTA cell measured on one slice (or on all of them together): per-image outcomes plus the cost counters, and
 * the metric values they give.
 */
final class TtaMetrics {
  private static final int REPLICATES = 1000;
  private static final java.util.Set<String> STEP_METRICS =
      java.util.Set.of("backward-samples", "images-per-second", "resets", "non-finite");

  private final String slice;
  private final List<String> ids = new ArrayList<>();
  private final List<Boolean> correct = new ArrayList<>();
  private final List<Double> confidence = new ArrayList<>();
  private final List<Double> entropy = new ArrayList<>();
  private long backwardSamples;
  private long resets;
  private long nonFinite;
  private long nanos;
  private boolean mixedSteps;

  TtaMetrics(String slice) {
    this.slice = slice;
  }

  void addItem(String id, boolean right, double conf, double ent) {
    ids.add(id);
    correct.add(right);
    confidence.add(conf);
    entropy.add(ent);
  }

  void addStep(int backward, int resetCount, int nonFiniteCount, long stepNanos) {
    backwardSamples += backward;
    resets += resetCount;
    nonFinite += nonFiniteCount;
    nanos += stepNanos;
  }

  /**
   * Notes that some of this slice's images were adapted on in batches that mixed slices: the step counters
   * (backward samples, resets, non-finite steps, time) cannot be split between slices, so they are reported missing.
   */
  void markMixedSteps() {
    mixedSteps = true;
  }

  /** Folds another slice's outcomes into this one (for the {@code all} slice). */
  void addAll(TtaMetrics other) {
    ids.addAll(other.ids);
    correct.addAll(other.correct);
    confidence.addAll(other.confidence);
    entropy.addAll(other.entropy);
    addStep((int) other.backwardSamples, (int) other.resets, (int) other.nonFinite, other.nanos);
  }

  List<MetricValue> values(List<String> requested, long seed, double peakMemoryMb) {
    int n = ids.size();
    boolean[] right = new boolean[n];
    double[] wrong = new double[n];
    for (int i = 0; i < n; i++) {
      right[i] = correct.get(i);
      wrong[i] = right[i] ? 0 : 1;
    }
    List<MetricValue> out = new ArrayList<>();
    for (String metric : requested) {
      if (mixedSteps && STEP_METRICS.contains(metric)) {
        out.add(new MetricValue(metric, slice, Double.NaN, Double.NaN, Double.NaN, n, unit(metric),
            metric.equals("images-per-second"), "not attributable: batches mixed slices", 0, List.of(), new double[0]));
        continue;
      }
      out.add(switch (metric) {
        case "error" -> {
          Interval ci = Bootstrap.itemLevelError(right, REPLICATES, 0.95, seed);
          yield new MetricValue("error", slice, ci.estimate(), ci.low(), ci.high(), n, "rate", false, "", 0, ids, wrong);
        }
        case "ece" -> MetricValue.plain("ece", slice, Calibration.ece(array(confidence), right), n, "rate", false);
        case "entropy" -> new MetricValue("entropy", slice, mean(entropy), Double.NaN, Double.NaN, n, "nats", false,
            "exact", 0, ids, array(entropy));
        case "backward-samples" -> MetricValue.plain("backward-samples", slice, backwardSamples, n, "images", false);
        case "images-per-second" -> MetricValue.plain("images-per-second", slice, n / (nanos / 1e9), n, "images/s", true);
        case "peak-memory-mb" -> MetricValue.plain("peak-memory-mb", slice, peakMemoryMb, n, "MB", false);
        case "resets" -> MetricValue.plain("resets", slice, resets, n, "count", false);
        case "non-finite" -> MetricValue.plain("non-finite", slice, nonFinite, n, "count", false);
        default -> throw new IllegalArgumentException("unknown TTA metric " + metric);
      });
    }
    return out;
  }

  private static String unit(String metric) {
    return switch (metric) {
      case "backward-samples" -> "images";
      case "images-per-second" -> "images/s";
      default -> "count";
    };
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
