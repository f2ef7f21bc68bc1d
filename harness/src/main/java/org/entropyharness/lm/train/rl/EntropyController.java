package org.entropyharness.lm.train.rl;

/**
 * Treatment (e): the entropy-schedule controller. The target band's ends move linearly from their start to their end
 * value over the run ({@code progress = step / steps}, as Entrocraft's {@code grpo_range_linear}); the measured
 * policy entropy of the step's rollouts picks which samples' advantages enter the update.
 */
public final class EntropyController {
  /** Entropy above the band: keep only positive-advantage samples (reinforcing sampled answers lowers entropy). */
  public static final int KEEP_POSITIVE = 1;
  /** Entropy inside the band: keep every sample (plain GRPO). */
  public static final int KEEP_ALL = 0;
  /** Entropy below the band: keep only negative-advantage samples (pushing mass off sampled answers raises it). */
  public static final int KEEP_NEGATIVE = -1;

  /** The target band at one step. */
  public record Band(double low, double high) {}

  private final RlTreatment.EntropySchedule schedule;
  private final int steps;

  /** A controller for a run of {@code steps} steps. */
  public EntropyController(RlTreatment.EntropySchedule schedule, int steps) {
    this.schedule = schedule;
    this.steps = steps;
  }

  /** The band before step {@code step} (0-based) is updated. */
  public Band band(int step) {
    double progress = (double) step / steps;
    return new Band(schedule.lowStart() + (schedule.lowEnd() - schedule.lowStart()) * progress,
        schedule.highStart() + (schedule.highEnd() - schedule.highStart()) * progress);
  }

  /** Which samples to keep at {@code entropy} (nats, token mean): one of the {@code KEEP_…} constants. */
  public static int mode(double entropy, Band band) {
    if (entropy > band.high()) {
      return KEEP_POSITIVE;
    }
    return entropy < band.low() ? KEEP_NEGATIVE : KEEP_ALL;
  }

  /** The advantages with those of the dropped sign set to zero (a new array). */
  public static double[] select(double[] advantages, int mode) {
    double[] out = advantages.clone();
    for (int i = 0; i < out.length; i++) {
      if ((mode == KEEP_POSITIVE && out[i] < 0) || (mode == KEEP_NEGATIVE && out[i] > 0)) {
        out[i] = 0;
      }
    }
    return out;
  }
}
