package org.entropyharness.gate;

/**
 * An item whose score got worse between baseline and current run.
 *
 * @param itemId dataset item id
 * @param baseline the item's score in the baseline
 * @param current the item's score now
 */
public record Flip(String itemId, double baseline, double current) {}
