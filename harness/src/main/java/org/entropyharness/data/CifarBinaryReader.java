package org.entropyharness.data;

import org.entropyharness.format.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the official CIFAR-10 and CIFAR-100 binary layouts: per record the label byte(s) (CIFAR-100: coarse then fine),
 * then 1024 red, 1024 green and 1024 blue bytes, each plane row-major. Converts to the NHWC layout of
 * {@link ImageBatch}.
 */
public final class CifarBinaryReader {
  private static final int SIDE = 32;
  private static final int PLANE = SIDE * SIDE;

  private CifarBinaryReader() {}

  /**
   * Reads the first {@code limit} images of a CIFAR-10 binary file (all when {@code limit <= 0}).
   *
   * @throws DataFormatException if the file length is not a whole number of records
   */
  public static ImageBatch read(Path file, int limit) throws IOException {
    return read(file, limit, 1, "CIFAR-10", "test_batch.bin / data_batch_N.bin");
  }

  /**
   * Reads the first {@code limit} images of a CIFAR-100 binary file (all when {@code limit <= 0}), labelled with the
   * fine (100-class) label.
   *
   * @throws DataFormatException if the file length is not a whole number of records
   */
  public static ImageBatch readCifar100(Path file, int limit) throws IOException {
    return read(file, limit, 2, "CIFAR-100", "test.bin / train.bin");
  }

  private static ImageBatch read(Path file, int limit, int labelBytes, String name, String files)
      throws IOException {
    int record = labelBytes + 3 * PLANE;
    long size = Files.size(InputFiles.require(file, FileKind.CIFAR_BINARY));
    if (size == 0 || size % record != 0) {
      throw new DataFormatException(
          file + ":1:1: " + size + " bytes is not a whole number of " + name + " records of " + record
              + " bytes; use an unmodified " + files);
    }
    int total = (int) (size / record);
    int count = limit > 0 ? Math.min(limit, total) : total;
    byte[] raw = new byte[count * record];
    try (var in = Files.newInputStream(file)) {
      in.readNBytes(raw, 0, raw.length);
    }
    String stem = file.getFileName().toString().replaceFirst("\\.bin$", "");
    byte[] pixels = new byte[count * PLANE * 3];
    int[] labels = new int[count];
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int base = i * record + labelBytes;
      labels[i] = label(file, raw, base - 1, classes(labelBytes), i);
      ids.add(stem + "/" + i);
      for (int p = 0; p < PLANE; p++) {
        int out = (i * PLANE + p) * 3;
        pixels[out] = raw[base + p];
        pixels[out + 1] = raw[base + PLANE + p];
        pixels[out + 2] = raw[base + 2 * PLANE + p];
      }
    }
    return new ImageBatch(SIDE, SIDE, pixels, labels, ids);
  }

  private static int classes(int labelBytes) {
    return labelBytes == 1 ? 10 : 100;
  }

  /** A record's label byte, which must name one of the classes: a label of 200 would count every image wrong. */
  private static int label(Path file, byte[] raw, int offset, int classes, int record) throws DataFormatException {
    int label = raw[offset] & 0xff;
    if (label >= classes) {
      throw new DataFormatException(file + ":1:" + (offset + 1) + ": record " + record + " has label " + label
          + ", outside 0.." + (classes - 1) + "; the file is corrupt or not a CIFAR-" + classes + " binary");
    }
    return label;
  }
}
