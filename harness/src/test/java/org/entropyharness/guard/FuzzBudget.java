package org.entropyharness.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/**
 * The budget every fuzzed input must keep: the reader returns or throws within a hang guard, and allocates less than
 * a fixed number of bytes on the way (the JVM's count of the thread's allocations, garbage included, so an upper bound
 * on what it held). A reader that runs away on some input fails here with the input jqwik shrank it to.
 */
public final class FuzzBudget {
  /** Bytes one read may allocate; far above what a few-kilobyte input needs, far below an exhausted heap. */
  public static final long ALLOCATION_LIMIT = 256L << 20;
  /**
   * The fuzz tests' seed: fixed, so that {@code mvn verify} draws the same inputs on every machine and a red build
   * means a changed reader, never a newly drawn input. To search further, run the fuzz tests with another value.
   */
  public static final String SEED = "20261201";
  /** Longer than any read of these inputs takes; only a hang reaches it. */
  public static final Duration HANG_GUARD = Duration.ofSeconds(20);

  private FuzzBudget() {}

  /** Deletes a fuzz test's temporary folder: its files, then the folder (the tests write no subfolders). */
  public static void deleteFolder(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  /** Runs the read in a thread of its own within the budget; returns what it threw, or null. */
  public static Throwable run(Executable read) {
    return assertTimeoutPreemptively(HANG_GUARD, () -> {
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      Throwable thrown = null;
      try {
        read.execute();
      } catch (Throwable t) {
        thrown = t;
      }
      assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated by one read")
          .isLessThan(ALLOCATION_LIMIT);
      return thrown;
    });
  }
}
