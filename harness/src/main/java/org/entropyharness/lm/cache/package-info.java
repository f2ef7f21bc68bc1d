/**
 * The generation cache: traces keyed by sha256 of (model fingerprint, prompt, decoding, n, seed), so strategies that
 * share samples and resumed runs generate nothing twice.
 */
package org.entropyharness.lm.cache;
