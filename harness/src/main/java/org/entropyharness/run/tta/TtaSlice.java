package org.entropyharness.run.tta;

import org.entropyharness.data.ImageBatch;

/**
 * One distribution shift the model adapts through: a corruption at a severity, or the clean images.
 *
 * @param name {@code <corruption>/<severity>} or {@code clean}
 * @param images the images, ids unique across slices
 */
record TtaSlice(String name, ImageBatch images) {}
