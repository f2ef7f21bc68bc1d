package org.entropyharness.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.entropyharness.guard.ExactNumbers;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFiles;

/**
 * Reads numpy {@code .npy} files (format versions 1, 2 and 3) holding integer arrays. Anything else is rejected with
 * {@code file:1:<column>: what; how to fix}, the column being the 1-based byte position of the fault.
 */
public final class NpyReader {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Set<String> INTEGER_TYPES =
      Set.of("|u1", "|i1", "<u1", "<i1", "<u2", "<i2", "<u4", "<i4", "<u8", "<i8");

  private NpyReader() {}

  /** Parses and checks the header: magic, version, dict, integer dtype, row-major, and the data length. */
  public static NpyHeader header(Path file) throws IOException {
    InputFiles.require(file, FileKind.NPY);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer pre = read(ch, 0, 12).order(ByteOrder.LITTLE_ENDIAN);
      int major = checkPreamble(file, pre);
      long length = major == 1 ? pre.getShort(8) & 0xffff : pre.getInt(8) & 0xffffffffL;
      int start = major == 1 ? 10 : 12;
      ByteBuffer text = read(ch, start, (int) Math.min(length, 1 << 20));
      if (text.limit() < length) {
        throw fail(file, start + text.limit(), "file ends inside the .npy header; the file is truncated");
      }
      byte[] bytes = new byte[text.limit()];
      text.get(bytes);
      String dict = new String(bytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      NpyHeader h = NpyDict.parse(file, dict, start, start + length);
      checkContent(file, h, ch.size());
      return h;
    }
  }

  /** Checks the magic and returns the major version (1, 2 or 3). */
  private static int checkPreamble(Path file, ByteBuffer pre) throws DataFormatException {
    for (int i = 0; i < MAGIC.length; i++) {
      if (pre.limit() <= i || pre.get(i) != MAGIC[i]) {
        throw fail(file, i, "not a .npy file (the magic \\x93NUMPY is missing); pass a file written by numpy.save");
      }
    }
    if (pre.limit() < 10) {
      throw fail(file, pre.limit(), "file ends inside the .npy preamble; the file is truncated");
    }
    int major = pre.get(6);
    if (major < 1 || major > 3) {
      throw fail(file, 6, ".npy format version " + major + " is unknown; allowed: 1, 2, 3");
    }
    if (major > 1 && pre.limit() < 12) {
      throw fail(file, pre.limit(), "file ends inside the .npy preamble; the file is truncated");
    }
    return major;
  }

  private static void checkContent(Path file, NpyHeader h, long size) throws DataFormatException {
    if (!INTEGER_TYPES.contains(h.dtype())) {
      throw fail(file, 0, "dtype '" + h.dtype() + "' is not supported; allowed: " + new java.util.TreeSet<>(INTEGER_TYPES)
          + " (save with .astype(np.uint8) or np.int64)");
    }
    if (h.fortranOrder()) {
      throw fail(file, 0, "fortran_order is True; save a C-ordered array (np.ascontiguousarray)");
    }
    long elements = ExactNumbers.product(h.shape(), Long.MAX_VALUE / h.itemSize()).orElseThrow(() -> fail(file, 0,
        "shape " + h.shape() + " holds more elements than any file can; the header is corrupt: write the file with"
            + " numpy.save"));
    long expected = elements * h.itemSize();
    if (size - h.dataOffset() != expected) {
      throw fail(file, size, "shape " + h.shape() + " of " + h.dtype() + " needs " + expected
          + " data bytes after the header but the file has " + (size - h.dataOffset())
          + "; the file is truncated or its header is wrong");
    }
  }

  /** Reads {@code count} uint8 elements starting at element {@code from}. */
  public static byte[] readBytes(Path file, NpyHeader h, long from, int count) throws IOException {
    if (!h.dtype().endsWith("u1")) {
      throw fail(file, 0, "dtype '" + h.dtype() + "' where uint8 pixels ('|u1') are expected; save images with"
          + " .astype(np.uint8)");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = read(ch, h.dataOffset() + from, count);
      byte[] out = new byte[count];
      buf.get(out);
      return out;
    }
  }

  /** Reads the whole array as ints (any supported integer dtype; values must fit in an int). */
  public static int[] readInts(Path file) throws IOException {
    NpyHeader h = header(file);
    if (h.elements() * h.itemSize() > Integer.MAX_VALUE - 8) {
      throw fail(file, 0, "shape " + h.shape() + " holds " + h.elements() + " elements, more than one array can;"
          + " labels are one small integer per image");
    }
    int size = h.itemSize();
    boolean unsigned = h.dtype().charAt(1) == 'u';
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = read(ch, h.dataOffset(), (int) (h.elements() * size)).order(ByteOrder.LITTLE_ENDIAN);
      int[] out = new int[(int) h.elements()];
      for (int i = 0; i < out.length; i++) {
        long v = switch (size) {
          case 1 -> unsigned ? buf.get() & 0xff : buf.get();
          case 2 -> unsigned ? buf.getShort() & 0xffff : buf.getShort();
          case 4 -> unsigned ? buf.getInt() & 0xffffffffL : buf.getInt();
          default -> buf.getLong();
        };
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          throw fail(file, h.dataOffset() + (long) i * size, "value " + v + " of element " + i
              + " does not fit in an int; labels must be small integers");
        }
        out[i] = (int) v;
      }
      return out;
    }
  }

  /** A located error: the file, the byte offset and what is wrong there. */
  public static DataFormatException fail(Path file, long offset, String message) {
    return new DataFormatException(file + ":1:" + (offset + 1) + ": " + message);
  }

  private static ByteBuffer read(FileChannel ch, long position, int count) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(count);
    while (buf.hasRemaining()) {
      if (ch.read(buf, position + buf.position()) < 0) {
        break;
      }
    }
    return buf.flip();
  }
}
