/** Noise-aware gates: paired bootstrap of a run against a baseline, as AssertJ assertions. */
package org.entropyharness.gate;
