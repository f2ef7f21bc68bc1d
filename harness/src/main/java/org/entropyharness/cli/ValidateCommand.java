package org.entropyharness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyharness.guard.Printable;
import org.entropyharness.run.Families;
import org.entropyharness.suite.SuiteException;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness validate}: lints suite files without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Checks suite files (schema, methods, metrics, gates, paths) without running them.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SUITE", description = "Suite files (*.yaml).")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SuiteLoader loader = new SuiteLoader(Families.ALL);
    int bad = 0;
    for (Path file : files) {
      try {
        SuiteSpec suite = loader.load(file);
        Families.of(suite).check(suite);
        out.printf("%s: ok (%s, %s tier, %d cells, %d gates)%n", file, suite.family(), suite.tier().id(),
            suite.cells().size(), suite.gates().size());
      } catch (SuiteException e) {
        err.println(Printable.escape(e.getMessage()));
        bad++;
      }
    }
    return bad == 0 ? 0 : ExitCodes.BAD_INPUT;
  }
}
