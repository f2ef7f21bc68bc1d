package org.entropyharness.data;

import org.entropyharness.format.DataFormatException;
import org.entropyharness.format.NpyHeader;
import org.entropyharness.format.NpyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFiles;
import org.entropyharness.guard.Printable;

/**
 * Reads the official CIFAR-10-C layout: {@code <corruption>.npy} of shape (blocks × n, 32, 32, 3) uint8, one block of
 * n images per severity, severity-major, and {@code labels.npy} (uint8 or int64) of length blocks × n or n. The
 * blocks are severities 1–5 unless a {@code severities.txt} beside them (written by {@code harness corrupt} for a
 * subset) lists others. Only the requested block is read, so a 150 MB file costs one seek.
 */
public final class CifarCReader {
  /** The sidecar naming the severities of the blocks, space-separated, when they are not 1–5. */
  public static final String SEVERITIES_FILE = "severities.txt";
  private static final int SIDE = 32;
  private static final int CLASSES = 10;

  private CifarCReader() {}

  /**
   * The first {@code limit} images (all when {@code limit <= 0}) of one corruption at one severity; ids are
   * {@code <corruption>/<severity>/<index>}.
   *
   * @throws DataFormatException when a file is missing, mis-shaped or the severity is not among its blocks
   */
  public static ImageBatch read(Path dir, String corruption, int severity, int limit) throws IOException {
    Path file = dir.resolve(corruption + ".npy");
    if (!Files.exists(file)) {
      throw new DataFormatException(file + ":1:1: no such file; expected the CIFAR-10-C layout"
          + " <corruption>.npy + labels.npy in " + dir);
    }
    NpyHeader h = NpyReader.header(file);
    List<Long> s = h.shape();
    if (s.size() != 4 || s.get(1) != SIDE || s.get(2) != SIDE || s.get(3) != 3 || !h.dtype().endsWith("u1")) {
      throw NpyReader.fail(file, 0, "shape " + s + " dtype " + h.dtype() + " is not (N, 32, 32, 3) uint8;"
          + " expected CIFAR-10-C images");
    }
    int[] severities = severities(dir);
    int block = blockSize(file, s.get(0), severities.length);
    int at = Arrays.stream(severities).boxed().toList().indexOf(severity);
    if (at < 0) {
      throw NpyReader.fail(file, 0, "severity " + severity + " is not stored here; available: "
          + Arrays.toString(severities));
    }
    int count = limit > 0 ? Math.min(limit, block) : block;
    int bytes = SIDE * SIDE * 3;
    byte[] pixels = NpyReader.readBytes(file, h, (long) at * block * bytes, count * bytes);
    int[] labels = labels(dir.resolve("labels.npy"), block, at, count, s.get(0));
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(corruption + "/" + severity + "/" + i);
    }
    return new ImageBatch(SIDE, SIDE, pixels, labels, ids);
  }

  private static int blockSize(Path file, long total, int blocks) throws DataFormatException {
    if (total % blocks != 0 || total == 0) {
      throw NpyReader.fail(file, 0, total + " images do not split into " + blocks
          + " equal severity blocks; expected e.g. 50000 = 5 x 10000");
    }
    return (int) (total / blocks);
  }

  private static int[] labels(Path file, int block, int at, int count, long total) throws IOException {
    int[] all = NpyReader.readInts(file);
    for (int i = 0; i < all.length; i++) {
      if (all[i] < 0 || all[i] >= CLASSES) {
        // a label outside the classes would count every image of it wrong, silently
        throw NpyReader.fail(file, 0, "label " + all[i] + " of image " + i + " is outside 0.." + (CLASSES - 1)
            + "; use the labels.npy that came with the CIFAR-10-C images");
      }
    }
    if (all.length == total) {
      return Arrays.copyOfRange(all, at * block, at * block + count);
    }
    if (all.length == block) {
      return Arrays.copyOf(all, count);
    }
    throw NpyReader.fail(file, 0, all.length + " labels match neither the " + total + " images nor one block of "
        + block + "; use the labels.npy that came with the images");
  }

  static int[] severities(Path dir) throws IOException {
    Path side = dir.resolve(SEVERITIES_FILE);
    if (!Files.isRegularFile(side)) {
      return new int[] {1, 2, 3, 4, 5};
    }
    String text = InputFiles.readUtf8(side, FileKind.TEXT).strip();
    int[] severities = Arrays.stream(text.split("\\s+")).mapToInt(s -> s.matches("[1-5]") ? s.charAt(0) - '0' : -1)
        .toArray();
    if (text.isEmpty() || Arrays.stream(severities).anyMatch(s -> s < 0) || Arrays.stream(severities).distinct().count()
        != severities.length) {
      throw new DataFormatException(side + ":1:1: '" + Printable.escape(text.length() > 40 ? text.substring(0, 40)
          + "..." : text) + "' is not a list of distinct severities 1-5; write e.g. '1 3 5'");
    }
    return severities;
  }
}
