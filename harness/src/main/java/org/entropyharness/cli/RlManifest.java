package org.entropyharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entropyharness.data.ShippedData;
import org.entropyharness.store.AtomicFiles;

/**
 * Keeps a checkpoint's line in a {@code MANIFEST.tsv} (path relative to the manifest's folder, sha256, how it was
 * made, licence), replacing an older line for the same path, so that retraining updates it in place.
 */
final class RlManifest {
  private static final String HEADER = "# path\tsha256\torigin\tlicence";
  private static final String LICENCE = "same as the project";

  private RlManifest() {}

  /** Writes the line of {@code file}: made by {@code command}, with {@code detail} (seed, step) after it. */
  static void put(Path manifest, Path file, String command, String detail) throws IOException {
    Path base = manifest.toAbsolutePath().getParent();
    String relative = base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    List<String> lines = new ArrayList<>(Files.isRegularFile(manifest) ? Files.readAllLines(manifest) : List.of(HEADER));
    String line = relative + "\t" + ShippedData.sha256(file) + "\ttrained here by `" + command.replace('\t', ' ')
        + "` (" + detail + ")\t" + LICENCE;
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(relative + "\t")) {
        at = i;
      }
    }
    if (at >= 0) {
      lines.set(at, line);
    } else {
      lines.add(line);
    }
    Files.createDirectories(base);
    AtomicFiles.write(manifest, (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
