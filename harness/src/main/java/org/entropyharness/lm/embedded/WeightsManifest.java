package org.entropyharness.lm.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.entropyharness.format.DataFormatException;

/** Checks a weights file against its line in {@code datasets/MANIFEST.tsv} (path relative to the manifest, sha256). */
final class WeightsManifest {
  private WeightsManifest() {}

  /** The file's sha256 (lower-case hex), after checking it equals the manifest's; an error names both. */
  static String verify(Path weights, Path manifest) throws IOException {
    String actual = sha256(weights);
    Path base = manifest.toAbsolutePath().getParent();
    List<String> lines = Files.readAllLines(manifest);
    for (int i = 0; i < lines.size(); i++) {
      String[] cols = lines.get(i).split("\t");
      if (lines.get(i).startsWith("#") || cols.length < 2) {
        continue;
      }
      if (base.resolve(cols[0]).normalize().equals(weights.toAbsolutePath().normalize())) {
        if (!cols[1].equalsIgnoreCase(actual)) {
          throw new DataFormatException(manifest + ":" + (i + 1) + ":" + (cols[0].length() + 2) + ": sha256 of "
              + weights + " is " + actual + " but the manifest says " + cols[1]
              + "; restore the committed weights or update the manifest line after retraining");
        }
        return actual;
      }
    }
    throw new DataFormatException(manifest + ":" + (lines.size() + 1) + ":1: no line for " + weights
        + "; add 'path<TAB>sha256<TAB>origin<TAB>licence' for it");
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
