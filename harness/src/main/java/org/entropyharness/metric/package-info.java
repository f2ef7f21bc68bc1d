/**
 * Pure metric functions over per-item scores, and answer checking: accuracy, calibration, the pass@k family
 * (pass@k, G-Pass@k, the crossover k against a base model), token-entropy statistics (forking tokens, token- and
 * sequence-mean) and the entropy–accuracy law over checkpoints, each with its interval.
 */
package org.entropyharness.metric;
