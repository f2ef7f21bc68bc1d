package org.entropyharness.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads zip entries without trusting their declared sizes: at most a limit, or exactly the bytes a storage declares.
 * A zip bomb (a few kilobytes that inflate to gigabytes) is refused once it passes the limit, never inflated whole.
 */
final class ZipEntries {
  private ZipEntries() {}

  /** The whole entry, refused when it inflates to more than {@code limit} bytes. */
  static byte[] read(String source, ZipFile zip, ZipEntry entry, long limit) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > limit) {
        throw new DataFormatException(source + ":1:1: zip entry '" + entry.getName() + "' inflates to more than "
            + limit + " bytes (docs/limits.md); the file is not a checkpoint of a CIFAR model");
      }
      return bytes;
    }
  }

  /** Exactly {@code expected} bytes: fewer or more is a corrupt archive. */
  static byte[] readExactly(String source, ZipFile zip, ZipEntry entry, long expected) throws IOException {
    if (entry.getSize() >= 0 && entry.getSize() != expected) {
      throw mismatch(source, entry, entry.getSize() + " bytes", expected);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) expected);
      if (bytes.length != expected) {
        throw mismatch(source, entry, bytes.length + " bytes", expected);
      }
      if (in.read() >= 0) {
        throw mismatch(source, entry, "more bytes", expected);
      }
      return bytes;
    }
  }

  private static DataFormatException mismatch(String source, ZipEntry entry, String found, long expected) {
    return new DataFormatException(source + ":1:1: storage entry '" + entry.getName() + "' has " + found + " where "
        + expected + " were declared; the archive is corrupt");
  }
}
