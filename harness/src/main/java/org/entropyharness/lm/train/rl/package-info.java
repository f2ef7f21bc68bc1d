/**
 * Reinforcement learning of the embedded model with GRPO (group-normalised advantages over n samples of a prompt,
 * clipped importance ratio, no value model, optional KL to the start model) on the synthetic arithmetic set, under
 * one of five entropy treatments ({@link org.entropyharness.lm.train.rl.RlTreatment}). Rollouts are sampled by the
 * plain-Java inference model, which records each token's exact log-probability and entropy; gradients come from the
 * DJL transformer. See {@code docs/rl-entropy.md}.
 */
package org.entropyharness.lm.train.rl;
