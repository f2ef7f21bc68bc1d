/**
 * The embedded arithmetic model {@code arith-tiny}: a small character-level decoder-only transformer trained here on
 * DJL ({@link org.entropyharness.lm.train.EmbeddedTrainer}) and run in-process on plain Java arrays
 * ({@link org.entropyharness.lm.embedded.EmbeddedModel}) with exact per-token entropy. See
 * {@code docs/embedded-model.md}.
 */
package org.entropyharness.lm.embedded;
