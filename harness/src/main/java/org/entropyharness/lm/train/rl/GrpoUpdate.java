package org.entropyharness.lm.train.rl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.entropyharness.lm.train.Adam;
import org.entropyharness.lm.train.DjlTransformer;

/**
 * One update of the policy on DJL: the reference model's log-probs (no gradient), the policy's forward pass, the
 * treatment's token selection from the detached log-probs, the loss, its gradient and an Adam step.
 */
final class GrpoUpdate {
  /** What one update measured; {@link RlStep} holds their token-weighted means over a step. */
  record Stats(int tokens, double loss, double clipFraction, double klToStart, double entropyTerm,
      double covSelected, double gradNorm) {}

  private final DjlTransformer policy;
  private final DjlTransformer reference;
  private final Adam adam;
  private final RlTreatment treatment;
  private final PolicyLoss loss;

  GrpoUpdate(DjlTransformer policy, DjlTransformer reference, Adam adam, RlPlan plan) {
    this.policy = policy;
    this.reference = reference;
    this.adam = adam;
    this.treatment = plan.treatment();
    this.loss = new PolicyLoss(plan.treatment(), plan.clipEpsilon(), plan.klCoefficient());
  }

  /**
   * π_old's log-probs of {@code batch}'s target tokens recomputed by the DJL policy before any update of the step, as
   * verl recomputes {@code old_log_prob}: the first update's ratio is then exactly 1, and KL-Cov's
   * {@code |log π − log π_old|} is exactly 0 there, where the sampler's float rounding (within 1e-4) would give it a
   * subgradient of random sign.
   */
  UpdateBatch withOldLogProbs(NDManager root, UpdateBatch batch) {
    try (NDManager sub = root.newSubManager()) {
      policy.parameters().values().forEach(p -> p.tempAttach(sub));
      Shape shape = new Shape(batch.rows(), batch.length());
      NDArray logProbs = PolicyLoss.tokenLogProbs(policy.forward(sub.create(batch.inputs(), shape)).logSoftmax(-1),
          sub.create(batch.targets(), shape));
      float[] old = logProbs.mul(sub.create(batch.mask(), shape)).toFloatArray();
      return new UpdateBatch(batch.inputs(), batch.targets(), batch.mask(), old, batch.advantages(), batch.rows(),
          batch.length());
    }
  }

  /** Updates the policy on {@code batch} at learning rate {@code lr}; {@code rng} draws Clip-Cov's tokens. */
  Stats apply(NDManager root, UpdateBatch batch, double lr, SplittableRandom rng) {
    try (NDManager sub = root.newSubManager()) {
      adam.attach(sub);
      reference.parameters().values().forEach(p -> p.tempAttach(sub));
      Shape shape = new Shape(batch.rows(), batch.length());
      NDArray inputs = sub.create(batch.inputs(), shape);
      NDArray targets = sub.create(batch.targets(), shape);
      NDArray mask = sub.create(batch.mask(), shape);
      NDArray old = sub.create(batch.oldLogProbs(), shape);
      NDArray advantages = sub.create(batch.advantages(), shape);
      NDArray refLogProbs = PolicyLoss.tokenLogProbs(reference.forward(inputs).logSoftmax(-1), targets);
      PolicyLoss.Result result;
      double[] selected = {Double.NaN};
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logSoftmax = policy.forward(inputs).logSoftmax(-1);
        NDArray logProbs = PolicyLoss.tokenLogProbs(logSoftmax, targets);
        NDArray[] selections = selections(sub, batch, logProbs.toFloatArray(), rng, selected);
        result = loss.loss(logSoftmax, logProbs,
            new PolicyLoss.Inputs(targets, mask, old, advantages, refLogProbs, selections[0], selections[1]));
        collector.backward(result.loss());
      }
      double lossValue = result.loss().getFloat();
      double gradNorm = adam.step(lr);
      return new Stats(batch.tokens(), lossValue, result.clipFraction(), result.klToReference(),
          result.entropyTerm(), selected[0], gradNorm);
    }
  }

  /** KL-Cov's penalised tokens and Clip-Cov's kept tokens as masks (null when the treatment has none). */
  private NDArray[] selections(NDManager sub, UpdateBatch batch, float[] logProbs, SplittableRandom rng,
      double[] share) {
    if (!(treatment instanceof RlTreatment.KlCov) && !(treatment instanceof RlTreatment.ClipCov)) {
      return new NDArray[2];
    }
    int[] positions = batch.responsePositions();
    float[] adv = new float[positions.length];
    float[] lp = new float[positions.length];
    boolean[] clipped = new boolean[positions.length];
    for (int i = 0; i < positions.length; i++) {
      adv[i] = batch.advantages()[positions[i]];
      lp[i] = logProbs[positions[i]];
      clipped[i] = clippedByRatio(adv[i], lp[i] - batch.oldLogProbs()[positions[i]]);
    }
    boolean[] chosen = treatment instanceof RlTreatment.KlCov kl
        ? CovarianceSelection.klCov(adv, lp, kl.topFraction())
        : clipCov((RlTreatment.ClipCov) treatment, adv, lp, clipped, rng);
    float[] mask = new float[batch.mask().length];
    int count = 0;
    for (int i = 0; i < positions.length; i++) {
      mask[positions[i]] = chosen[i] ? 1f : 0f;
      count += chosen[i] ? 1 : 0;
    }
    share[0] = (double) count / positions.length;
    Shape shape = new Shape(batch.rows(), batch.length());
    if (treatment instanceof RlTreatment.KlCov) {
      return new NDArray[] {sub.create(mask, shape), null};
    }
    for (int i = 0; i < mask.length; i++) {
      mask[i] = 1f - mask[i];
    }
    return new NDArray[] {null, sub.create(mask, shape)};
  }

  private static boolean[] clipCov(
      RlTreatment.ClipCov c, float[] adv, float[] lp, boolean[] clipped, SplittableRandom rng) {
    return CovarianceSelection.clipCov(adv, lp, clipped, c.fraction(), c.lowerBound(), c.upperBound(), rng);
  }

  /** verl's {@code clip_by_origin}: the clipped term −A·clip(r) exceeds the unclipped −A·r. */
  private boolean clippedByRatio(float advantage, float logRatio) {
    double eps = loss.clipEpsilon();
    double r = Math.exp(logRatio);
    return -advantage * Math.min(Math.max(r, 1 - eps), 1 + eps) > -advantage * r;
  }
}
