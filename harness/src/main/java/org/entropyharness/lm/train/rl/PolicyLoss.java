package org.entropyharness.lm.train.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The GRPO loss on one update batch, token-mean over the response tokens (verl's {@code token-mean}):
 *
 * <pre>
 *   r = exp(log π − log π_old)
 *   pg = max(−A·r, −A·clip(r, 1 − ε, 1 + ε))                       (KL-Cov: −A·r + c·|log π − log π_old|·[selected])
 *   loss = mean(pg·keep) − β·mean(H) + β_KL·mean(k3)             (keep = 0 on Clip-Cov's detached tokens)
 *   k3 = exp(log π_ref − log π) − (log π_ref − log π) − 1, clamped to [−10, 10] as verl's low_var_kl
 * </pre>
 *
 * where H is the Shannon entropy {@code −Σ p log p} or the Rényi entropy {@code log(Σ p^α) / (1 − α)} of the policy's
 * next-token distribution at each response position.
 */
public final class PolicyLoss {
  /**
   * What the loss needs besides the logits; every array is {@code [rows, length]}, float unless said otherwise.
   *
   * @param targets int next-token ids
   * @param mask 1 on response tokens, 0 elsewhere
   * @param oldLogProbs log π_old of each target token (0 outside the mask)
   * @param advantages each token's advantage (its sample's)
   * @param refLogProbs log π_ref of each target token, or null when there is no KL term and nothing to log
   * @param klCovSelected 1 where KL-Cov applies its penalty, or null
   * @param keep 0 where Clip-Cov detaches the token's gradient, else 1; or null
   */
  public record Inputs(NDArray targets, NDArray mask, NDArray oldLogProbs, NDArray advantages, NDArray refLogProbs,
      NDArray klCovSelected, NDArray keep) {}

  /**
   * The scalar loss and what the step log reports of it.
   *
   * @param clipFraction share of response tokens where the clipped term is the larger (verl's {@code pg_clipfrac});
   *     for KL-Cov, which does not clip, the share the clip would have taken
   * @param entropyTerm token-mean of the bonus entropy (Shannon or Rényi), or NaN without a bonus
   * @param klToReference token-mean k3 against the reference, or NaN without reference log-probs
   */
  public record Result(NDArray loss, double clipFraction, double entropyTerm, double klToReference) {}

  private final RlTreatment treatment;
  private final double clipEpsilon;
  private final double klCoefficient;

  /** The loss of {@code treatment} with PPO clip range ε and KL-to-reference coefficient. */
  public PolicyLoss(RlTreatment treatment, double clipEpsilon, double klCoefficient) {
    this.treatment = treatment;
    this.clipEpsilon = clipEpsilon;
    this.klCoefficient = klCoefficient;
  }

  /** The PPO clip range ε. */
  double clipEpsilon() {
    return clipEpsilon;
  }

  /** log π of each target token, {@code [rows, length]}, from log-softmax outputs {@code [rows, length, vocab]}. */
  public static NDArray tokenLogProbs(NDArray logSoftmax, NDArray targets) {
    int vocabulary = (int) logSoftmax.getShape().get(2);
    return logSoftmax.mul(targets.oneHot(vocabulary, logSoftmax.getDataType())).sum(new int[] {2});
  }

  /** The loss from log-softmax outputs and the token log-probs taken from them. */
  public Result loss(NDArray logSoftmax, NDArray logProbs, Inputs in) {
    NDArray mask = in.mask();
    NDArray tokens = mask.sum();
    NDArray ratio = logProbs.sub(in.oldLogProbs()).exp();
    NDArray unclipped = in.advantages().neg().mul(ratio);
    NDArray clipped = in.advantages().neg().mul(ratio.clip(1 - clipEpsilon, 1 + clipEpsilon));
    double clipFraction = scalar(clipped.gt(unclipped).toType(mask.getDataType(), false).mul(mask).sum().div(tokens));
    NDArray pg;
    if (treatment instanceof RlTreatment.KlCov kl) {
      NDArray penalty = logProbs.sub(in.oldLogProbs()).abs().mul((float) kl.coefficient()).mul(in.klCovSelected());
      pg = unclipped.add(penalty);
    } else {
      pg = unclipped.maximum(clipped);
    }
    if (in.keep() != null) {
      pg = pg.mul(in.keep());
    }
    NDArray loss = pg.mul(mask).sum().div(tokens);
    double entropyTerm = Double.NaN;
    NDArray entropy = bonusEntropy(logSoftmax);
    if (entropy != null) {
      NDArray mean = entropy.mul(mask).sum().div(tokens);
      entropyTerm = scalar(mean);
      loss = loss.sub(mean.mul((float) beta()));
    }
    double kl = Double.NaN;
    if (in.refLogProbs() != null) {
      NDArray d = in.refLogProbs().sub(logProbs);
      NDArray k3 = d.exp().sub(d).sub(1f).clip(-10, 10).mul(mask).sum().div(tokens);
      kl = scalar(k3);
      if (klCoefficient > 0) {
        loss = loss.add(k3.mul((float) klCoefficient));
      }
    }
    return new Result(loss, clipFraction, entropyTerm, kl);
  }

  private static double scalar(NDArray a) {
    return a.toType(DataType.FLOAT64, false).getDouble();
  }

  /** Per-position entropy of the bonus, {@code [rows, length]}, or null for treatments without one. */
  private NDArray bonusEntropy(NDArray logSoftmax) {
    if (treatment instanceof RlTreatment.ShannonBonus) {
      return shannon(logSoftmax);
    }
    if (treatment instanceof RlTreatment.RenyiBonus renyi) {
      return renyi(logSoftmax, renyi.alpha());
    }
    return null;
  }

  private double beta() {
    return treatment instanceof RlTreatment.ShannonBonus s ? s.beta() : ((RlTreatment.RenyiBonus) treatment).beta();
  }

  /** −Σ p log p over the last axis. */
  static NDArray shannon(NDArray logSoftmax) {
    return logSoftmax.exp().mul(logSoftmax).sum(new int[] {2}).neg();
  }

  /**
   * {@code log(Σ p^α) / (1 − α)} over the last axis, as a log-sum-exp of α·log p (the shift by the detached maximum
   * cancels in value and gradient); α = 1 is Shannon's limit.
   */
  static NDArray renyi(NDArray logSoftmax, double alpha) {
    if (alpha == 1) {
      return shannon(logSoftmax);
    }
    NDArray scaled = logSoftmax.mul(alpha);
    NDArray shift = scaled.max(new int[] {2}, true).stopGradient();
    NDArray logSum = scaled.sub(shift).exp().sum(new int[] {2}).log().add(shift.squeeze(2));
    return logSum.div(1 - alpha);
  }
}
