package org.entropyharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyharness.guard.OutputTargets;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import org.entropyharness.run.RunMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness merge}: one run from the run folders of a suite's shards. */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Merges the run folders of a suite's shards (run --shard K/N) into one run.")
final class MergeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run folders of the shards.")
  List<Path> shards;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The merged run folder (must not exist).")
  Path out;

  @Option(names = "--suite", paramLabel = "FILE", description = "The suite file, when it is not where the runs recorded it.")
  Path suiteFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OutputTargets.newFolder(out, "--out");
    OutputTargets.outside(out, shards, "--out"); // a merged run inside a shard's cells/ would become one of its cells
    RunManifest merged = RunMerger.merge(shards.stream().map(RunDirectory::new).toList(), new RunDirectory(out),
        java.util.Optional.ofNullable(suiteFile));
    spec.commandLine().getOut().printf("merged %d cells of %s from %d shards into %s%n", merged.cells().size(),
        merged.suite(), shards.size(), out);
    return 0;
  }
}
