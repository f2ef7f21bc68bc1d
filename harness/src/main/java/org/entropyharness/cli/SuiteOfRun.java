package org.entropyharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyharness.run.MethodRegistry;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;

/**
 * The suite a finished run ran, read back from the text its manifest recorded. The file in the checkout may have
 * changed since, or be absent on the machine that gates; the recorded text is what the run measured.
 */
final class SuiteOfRun {
  private SuiteOfRun() {}

  /** Loads the suite recorded in {@code manifest}, under its original file name. */
  static SuiteSpec load(RunManifest manifest) throws IOException {
    Path dir = Files.createTempDirectory("harness-suite");
    Path file = dir.resolve(Path.of(manifest.suiteFile()).getFileName().toString());
    try {
      Files.writeString(file, manifest.suiteText());
      return new SuiteLoader(MethodRegistry.INSTANCE).load(file);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** The run's manifest, refusing a run that has not finished. */
  static RunManifest finished(RunDirectory run) throws IOException {
    RunManifest manifest = run.readManifest();
    if (manifest.finishedAt() == null) {
      throw new IOException(run.root() + ": the run has not finished; complete it first (harness run "
          + manifest.suiteFile() + " --resume " + run.root() + ")");
    }
    return manifest;
  }
}
