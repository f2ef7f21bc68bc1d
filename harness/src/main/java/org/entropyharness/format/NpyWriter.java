package org.entropyharness.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes numpy {@code .npy} files (format 1.0, header padded to 64 bytes like numpy), atomically: a temporary file in
 * the same folder, renamed over the target when complete, so a reader never sees half a file.
 */
public final class NpyWriter {
  private NpyWriter() {}

  /** Writes uint8 data ({@code |u1}) of the given shape. */
  public static void writeUint8(Path file, byte[] data, List<Long> shape) throws IOException {
    long n = shape.stream().reduce(1L, (a, b) -> a * b);
    if (n != data.length) {
      throw new IllegalArgumentException("shape " + shape + " holds " + n + " elements, data has " + data.length);
    }
    write(file, "|u1", shape, out -> out.write(data));
  }

  /** Writes int labels as uint8 ({@code |u1}), the dtype of the official CIFAR-10-C labels.npy. */
  public static void writeLabelsUint8(Path file, int[] labels) throws IOException {
    byte[] b = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] > 255) {
        throw new IllegalArgumentException("label " + labels[i] + " at " + i + " does not fit in uint8");
      }
      b[i] = (byte) labels[i];
    }
    writeUint8(file, b, List.of((long) labels.length));
  }

  /** Writes int values as little-endian int64 ({@code <i8}). */
  public static void writeInt64(Path file, int[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      buf.putLong(v);
    }
    write(file, "<i8", List.of((long) values.length), out -> out.write(buf.array()));
  }

  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void write(Path file, String dtype, List<Long> shape, Body body) throws IOException {
    String dict = NpyHeader.dictLiteral(dtype, shape);
    int unpadded = 10 + dict.length() + 1;
    int padded = (unpadded + 63) / 64 * 64;
    String header = dict + " ".repeat(padded - unpadded) + "\n";
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // not createTempFile: its owner-only permissions would survive the rename
    Path tmp = dir.resolve("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(
          Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW), 1 << 16)) {
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        body.writeTo(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
