package org.entropyharness.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.entropyharness.suite.SuiteSpec;

/** Names and creates run folders: {@code <suite>-<UTC time>[-shardKofN][-n]}, never reusing an existing one. */
final class RunFolders {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private RunFolders() {}

  /** Creates a new, empty run folder under {@code root}; concurrent runs of the same suite get different names. */
  static Path create(Path root, SuiteSpec suite, Shard shard, Clock clock) throws IOException {
    Files.createDirectories(root);
    String id = suite.name() + "-" + STAMP.format(clock.instant())
        + (shard.count() > 1 ? "-shard" + shard.index() + "of" + shard.count() : "");
    for (int n = 1; ; n++) {
      Path dir = root.resolve(n == 1 ? id : id + "-" + n);
      try {
        return Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        // taken by an earlier or concurrent run: try the next number
      }
    }
  }
}
