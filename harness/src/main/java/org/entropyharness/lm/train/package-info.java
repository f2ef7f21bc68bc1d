/**
 * Training the embedded model on DJL's autograd: the same transformer as {@code lm.embedded} written with NDArray
 * operations, the Adam loop, its batches and the held-out evaluation. Inference never depends on this package.
 */
package org.entropyharness.lm.train;
