package org.entropyharness.lm.train.rl;

/**
 * How a GRPO run treats policy entropy: one of the five compared in {@code docs/rl-entropy.md}. Every treatment keeps
 * the plain GRPO objective and adds or changes one thing.
 */
public sealed interface RlTreatment {
  /** The treatment's name, also the folder of its checkpoints. */
  String id();

  /** (a) Plain GRPO: the clipped surrogate alone. */
  record Plain() implements RlTreatment {
    @Override
    public String id() {
      return "grpo-plain";
    }
  }

  /**
   * (b) A Shannon-entropy bonus: the loss subtracts {@code beta} times the token-mean entropy of the policy over the
   * update batch's response tokens.
   */
  record ShannonBonus(double beta) implements RlTreatment {
    public ShannonBonus {
      requireNonNegative("entropy bonus beta", beta);
    }

    @Override
    public String id() {
      return "grpo-shannon";
    }
  }

  /**
   * (c) A Rényi-entropy bonus of order {@code alpha}: {@code H_α = log(Σ p^α) / (1 − α)}, the token mean times
   * {@code beta} subtracted from the loss; α = 1 is the Shannon bonus.
   */
  record RenyiBonus(double alpha, double beta) implements RlTreatment {
    public RenyiBonus {
      if (!(alpha > 0)) {
        throw new IllegalArgumentException("Rényi order alpha must be > 0: " + alpha);
      }
      requireNonNegative("entropy bonus beta", beta);
    }

    @Override
    public String id() {
      return "grpo-renyi";
    }
  }

  /**
   * (d) KL-Cov (Cui et al. 2025): the {@code topFraction} of update tokens with the highest covariance between
   * log-probability and advantage get a penalty {@code coefficient · |log π − log π_old|}; no ratio clipping, as in
   * the authors' code.
   */
  record KlCov(double topFraction, double coefficient) implements RlTreatment {
    public KlCov {
      requireFraction("KL-Cov top fraction", topFraction);
      requireNonNegative("KL-Cov coefficient", coefficient);
    }

    @Override
    public String id() {
      return "grpo-kl-cov";
    }
  }

  /**
   * (d') Clip-Cov (Cui et al. 2025): of the update tokens whose covariance lies in ({@code lowerBound},
   * {@code upperBound}) and which the ratio clip has not already clipped, a random {@code fraction} of all update
   * tokens (at least one) have their gradient detached.
   */
  record ClipCov(double fraction, double lowerBound, double upperBound) implements RlTreatment {
    public ClipCov {
      requireFraction("Clip-Cov fraction", fraction);
      if (!(lowerBound < upperBound)) {
        throw new IllegalArgumentException(
            "Clip-Cov bounds need lower < upper: " + lowerBound + ", " + upperBound);
      }
    }

    @Override
    public String id() {
      return "grpo-clip-cov";
    }
  }

  /**
   * (e) An entropy-schedule controller after Entrocraft (Li et al. 2026): a target band whose ends anneal linearly
   * over the run; above the band only positive-advantage samples enter the update, below it only negative-advantage
   * ones, inside it all of them.
   */
  record EntropySchedule(double lowStart, double lowEnd, double highStart, double highEnd) implements RlTreatment {
    public EntropySchedule {
      if (!(lowStart <= highStart) || !(lowEnd <= highEnd) || lowEnd < 0 || lowStart < 0) {
        throw new IllegalArgumentException("the target band needs 0 <= low <= high at both ends: low " + lowStart
            + " -> " + lowEnd + ", high " + highStart + " -> " + highEnd);
      }
    }

    @Override
    public String id() {
      return "grpo-entropy-schedule";
    }
  }

  private static void requireNonNegative(String what, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(what + " must be >= 0: " + value);
    }
  }

  private static void requireFraction(String what, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(what + " must be in (0, 1]: " + value);
    }
  }
}
