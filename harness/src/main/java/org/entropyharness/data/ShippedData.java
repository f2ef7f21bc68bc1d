package org.entropyharness.data;

import org.entropyharness.format.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a shipped file against the sha256 in the {@code MANIFEST.tsv} of the nearest enclosing folder that has one
 * (normally {@code datasets/}). A file is hashed once per JVM while its size and modification time stay the same.
 */
public final class ShippedData {
  /** The manifest's file name. */
  public static final String MANIFEST = "MANIFEST.tsv";

  private static final Map<String, String> VERIFIED = new ConcurrentHashMap<>();

  private ShippedData() {}

  /**
   * Returns {@code file} once its sha256 matches its manifest line.
   *
   * @throws DataFormatException naming the file and both hashes when they differ, or the manifest when the file has
   *     no line in it
   */
  public static Path verify(Path file) throws IOException {
    Path real = file.toAbsolutePath().normalize();
    String key = real + "|" + Files.size(real) + "|" + Files.getLastModifiedTime(real).toMillis();
    if (VERIFIED.containsKey(key)) {
      return file;
    }
    Path manifest = findManifest(real);
    String relative = manifest.getParent().relativize(real).toString().replace('\\', '/');
    String expected = expectedHash(manifest, relative);
    String actual = sha256(real);
    if (!actual.equals(expected)) {
      throw new DataFormatException(real + ":1:1: sha256 " + actual + " does not match " + expected + " in "
          + manifest + "; restore the original file (git checkout / re-copy) or, if it was replaced on purpose,"
          + " update its MANIFEST line");
    }
    VERIFIED.put(key, actual);
    return file;
  }

  /**
   * Verifies {@code file} when a manifest in an enclosing folder lists it; returns it unchecked otherwise (a user's
   * own data has no manifest line).
   *
   * @throws DataFormatException when it is listed and its sha256 differs
   */
  public static Path verifyIfListed(Path file) throws IOException {
    Path real = file.toAbsolutePath().normalize();
    for (Path dir = real.getParent(); dir != null; dir = dir.getParent()) {
      Path manifest = dir.resolve(MANIFEST);
      if (Files.isRegularFile(manifest)) {
        String relative = dir.relativize(real).toString().replace('\\', '/');
        boolean listed = Files.readAllLines(manifest).stream().anyMatch(l -> l.startsWith(relative + "\t"));
        return listed ? verify(file) : file;
      }
    }
    return file;
  }

  /** The hex sha256 of a file's bytes. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static Path findManifest(Path file) throws DataFormatException {
    for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(MANIFEST))) {
        return dir.resolve(MANIFEST);
      }
    }
    throw new DataFormatException(file + ":1:1: no " + MANIFEST + " in any enclosing folder; keep shipped data under"
        + " datasets/ next to its manifest");
  }

  private static String expectedHash(Path manifest, String relative) throws IOException {
    List<String> lines = Files.readAllLines(manifest);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 4 || !cols[1].matches("[0-9a-f]{64}")) {
        throw new DataFormatException(manifest + ":" + (i + 1) + ":1: expected 4 tab-separated columns"
            + " (path, sha256 as 64 lowercase hex digits, origin, licence); fix this line");
      }
      if (cols[0].equals(relative)) {
        return cols[1];
      }
    }
    throw new DataFormatException(manifest + ":" + (lines.size() + 1) + ":1: no line for " + relative
        + "; add 'path<TAB>sha256<TAB>origin<TAB>licence' for it");
  }
}
