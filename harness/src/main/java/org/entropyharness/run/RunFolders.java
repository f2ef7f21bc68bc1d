package org.entropyharness.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import org.entropyharness.suite.SuiteSpec;

/**
 * Names and creates run folders: {@code <suite>-<UTC time>[-shardKofN][-n]}, never reusing an existing one. A folder
 * appears under its name with its manifest already in it (it is prepared under a hidden name and renamed), so a run
 * killed at any moment leaves either no folder or one that {@code --resume} can complete.
 */
final class RunFolders {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private RunFolders() {}

  /** What the manifest of a new folder holds, given the folder's final id. */
  @FunctionalInterface
  interface ManifestOf {
    RunManifest of(String runId) throws IOException;
  }

  /** Creates a new run folder under {@code root} holding the manifest; concurrent runs get different names. */
  static RunDirectory create(Path root, SuiteSpec suite, Shard shard, Clock clock, ManifestOf manifest)
      throws IOException {
    Files.createDirectories(root);
    String id = suite.name() + "-" + STAMP.format(clock.instant())
        + (shard.count() > 1 ? "-shard" + shard.index() + "of" + shard.count() : "");
    for (int n = 1; ; n++) {
      String runId = n == 1 ? id : id + "-" + n;
      if (Files.exists(root.resolve(runId))) {
        continue;
      }
      Path staging = Files.createTempDirectory(root, "." + runId + ".creating-");
      RunDirectory prepared = new RunDirectory(staging);
      prepared.writeManifest(manifest.of(runId));
      try {
        Files.move(staging, root.resolve(runId), StandardCopyOption.ATOMIC_MOVE);
        return new RunDirectory(root.resolve(runId));
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException taken) {
        Files.deleteIfExists(prepared.manifestFile());
        Files.deleteIfExists(staging);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(root + ": cannot rename a folder atomically there; choose another --runs folder", e);
      }
    }
  }
}
