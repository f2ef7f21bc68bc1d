package org.entropyharness.format;

/**
 * A storage of a checkpoint named by a persistent id; its values are read once the storage bytes are reached.
 *
 * @param key the storage's key (its file name in a zip checkpoint)
 * @param type the storage class, e.g. {@code FloatStorage}
 * @param numel the number of elements it declares, within {@link org.entropyharness.guard.Limits#CHECKPOINT_ELEMENTS}
 */
record StorageRef(String key, String type, long numel) {}
