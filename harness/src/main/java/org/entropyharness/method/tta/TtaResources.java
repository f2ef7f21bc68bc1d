package org.entropyharness.method.tta;

import org.entropyharness.data.ImageBatch;

/**
 * What a method may need besides the model.
 *
 * @param cleanImages clean source-domain images (EATA's Fisher estimate); may be null for methods that do not
 *     use them
 * @param seed seed of every random choice a method makes (DeYO's patch shuffles)
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 */
public record TtaResources(ImageBatch cleanImages, long seed, String device) {}
