package org.entropyharness.run;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: a progress bar with ETA on a terminal, one line per finished cell elsewhere (CI logs,
 * IDE consoles, redirected output), so logs stay short.
 */
public final class RunProgress implements AutoCloseable {
  private final PrintStream out;
  private final boolean interactive;
  private ProgressBar bar;

  public RunProgress(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  /** A terminal gets a bar; CI (CI=true) and redirected output get lines. */
  public static RunProgress forConsole() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    return new RunProgress(System.err, System.console() != null && !ci);
  }

  /** A progress that prints nothing (engine runs report through the test tree). */
  public static RunProgress silent() {
    return new RunProgress(new PrintStream(PrintStream.nullOutputStream()), false);
  }

  /** Starts a cell. */
  public CellContext.Progress startCell(String suite, String cellId, int index, int cells) {
    if (!interactive) {
      return CellContext.Progress.NONE;
    }
    bar = new ProgressBarBuilder()
        .setTaskName(suite + " " + cellId + " (" + index + "/" + cells + ")")
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .setUpdateIntervalMillis(500)
        .build();
    ProgressBar current = bar;
    return (done, total) -> {
      current.maxHint(total);
      current.stepTo(done);
    };
  }

  /** Ends a cell with a one-line summary. */
  public void endCell(String suite, String cellId, int index, int cells, String summary) {
    closeBar();
    out.printf("[%s] %d/%d %s %s%n", suite, index, cells, cellId, summary);
  }

  private void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  @Override
  public void close() {
    closeBar();
  }
}
