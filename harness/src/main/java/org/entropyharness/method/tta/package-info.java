/**
 * Test-time adaptation methods behind {@link org.entropyharness.method.tta.AdaptationMethod}, created by id with
 * {@link org.entropyharness.method.tta.TtaMethods#create}: {@code source}, {@code bn-adapt}, {@code tent},
 * {@code renyi-tent}, {@code eata}, {@code sar}, {@code deyo}.
 *
 * <p>Each step predicts the batch before updating on it. Only BatchNorm affine parameters adapt; they and the
 * optimizer state live in Java arrays, so {@code reset()} is exact, and each step's native arrays live in one
 * sub-manager closed at the end of the step. Entropy margins scale with {@code ln C}, C the model's classes.
 */
package org.entropyharness.method.tta;
