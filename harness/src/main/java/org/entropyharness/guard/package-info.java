/**
 * The harness's defences against hostile or careless input, below every other package so each reader and writer can
 * use them: the documented {@link org.entropyharness.guard.Limits}, the one check that an input path is a regular,
 * readable file of bounded size ({@link org.entropyharness.guard.InputFiles}), the checks that an output never
 * replaces a device or a folder ({@link org.entropyharness.guard.OutputTargets}), exact integer conversions
 * ({@link org.entropyharness.guard.ExactNumbers}) and text made safe to print ({@link org.entropyharness.guard.Printable}).
 */
package org.entropyharness.guard;
