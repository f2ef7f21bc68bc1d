/**
 * A seeded, deterministic Java re-implementation of the 15 CIFAR-10-C corruptions (Hendrycks &amp; Dietterich 2019,
 * the CIFAR script's parameter tables), the contact sheet that shows them, and nothing that touches a file format.
 * Differences from the Python reference are listed in {@code docs/corruptions.md}.
 */
package org.entropyharness.data.corrupt;
