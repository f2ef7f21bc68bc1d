package org.entropyharness.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the official CIFAR-10 binary layout: per record one label byte, then 1024 red, 1024 green and 1024 blue
 * bytes, each plane row-major. Converts to the NHWC layout of {@link ImageBatch}.
 */
public final class CifarBinaryReader {
  private static final int SIDE = 32;
  private static final int PLANE = SIDE * SIDE;
  private static final int RECORD = 1 + 3 * PLANE;

  private CifarBinaryReader() {}

  /**
   * Reads the first {@code limit} images of a CIFAR-10 binary file (all when {@code limit <= 0}).
   *
   * @throws DataFormatException if the file length is not a whole number of records
   */
  public static ImageBatch read(Path file, int limit) throws IOException {
    long size = Files.size(file);
    if (size == 0 || size % RECORD != 0) {
      throw new DataFormatException(
          file + ":1:1: " + size + " bytes is not a whole number of CIFAR-10 records of " + RECORD
              + " bytes; use an unmodified test_batch.bin / data_batch_N.bin");
    }
    int total = (int) (size / RECORD);
    int count = limit > 0 ? Math.min(limit, total) : total;
    byte[] raw = new byte[count * RECORD];
    try (var in = Files.newInputStream(file)) {
      in.readNBytes(raw, 0, raw.length);
    }
    String stem = file.getFileName().toString().replaceFirst("\\.bin$", "");
    byte[] pixels = new byte[count * PLANE * 3];
    int[] labels = new int[count];
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int base = i * RECORD;
      labels[i] = raw[base] & 0xff;
      ids.add(stem + "/" + i);
      for (int p = 0; p < PLANE; p++) {
        int out = (i * PLANE + p) * 3;
        pixels[out] = raw[base + 1 + p];
        pixels[out + 1] = raw[base + 1 + PLANE + p];
        pixels[out + 2] = raw[base + 1 + 2 * PLANE + p];
      }
    }
    return new ImageBatch(SIDE, SIDE, pixels, labels, ids);
  }
}
