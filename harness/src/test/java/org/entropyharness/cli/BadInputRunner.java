package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs every case of the bad-input corpus in this JVM, one after another, and writes one result line per case:
 * exit code, wall and CPU time, peak heap, what the case wrote, and its stderr. {@link BadInputCorpusTest} starts it in
 * a child JVM with {@code -Xmx512m}, so a case that tried to exhaust memory fails there rather than pass on a large
 * test heap; each case runs in its own thread with a time limit, so a case that hangs is recorded, not waited for.
 */
public final class BadInputRunner {
  static final long CASE_TIMEOUT_MS = Long.getLong("harness.corpus.timeoutMs", 60_000);

  private BadInputRunner() {}

  /** Arguments: cases.tsv, corpus folder, generated-fixtures folder, scratch folder, results file. */
  public static void main(String[] args) throws Exception {
    List<CorpusCase> cases = CorpusCase.read(Path.of(args[0]));
    Path corpus = Path.of(args[1]);
    Path gen = HostileFixtures.create(Path.of(args[2]));
    Path scratch = Files.createDirectories(Path.of(args[3]));
    List<String> results = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      results.add(run(i, cases.get(i), corpus, gen, Files.createDirectories(scratch.resolve("case-" + i))));
      Files.write(Path.of(args[4]), results); // written as it goes: a crash keeps what was measured
    }
    System.exit(0);
  }

  private static String run(int index, CorpusCase c, Path corpus, Path gen, Path out) throws Exception {
    String genBefore = snapshot(gen);
    StringWriter err = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    String[] argv = c.args(corpus, gen, out);
    Thread worker = new Thread(() -> exit.set(
        HarnessCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), argv)), "case-" + index);
    worker.setDaemon(true);
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    worker.start();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = 0;
    while (worker.isAlive() && System.nanoTime() - start < CASE_TIMEOUT_MS * 1_000_000) {
      cpu = Math.max(cpu, threads.getThreadCpuTime(worker.getId()));
      worker.join(20);
    }
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    boolean timedOut = worker.isAlive();
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    String written = snapshot(out) + (snapshot(gen).equals(genBefore) ? "" : " generated fixtures changed");
    String line = timedOut ? "timed out after " + CASE_TIMEOUT_MS + " ms" : err.toString().strip();
    return String.join("\t", Integer.toString(index), Integer.toString(timedOut ? -1 : exit.get()),
        Long.toString(wallMs), Long.toString(cpu / 1_000_000), String.format(Locale.ROOT, "%.1f", peak / 1048576.0),
        written.strip(), line.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t"));
  }

  /** What a folder holds (names, kinds, sizes), to tell whether a case wrote anything. */
  static String snapshot(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return "";
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return String.join(" ", all.filter(p -> !p.equals(dir)).sorted().map(p -> dir.relativize(p) + ":"
          + (Files.isRegularFile(p) ? size(p) : Files.isDirectory(p) ? "dir" : "special")).toList());
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }
}
