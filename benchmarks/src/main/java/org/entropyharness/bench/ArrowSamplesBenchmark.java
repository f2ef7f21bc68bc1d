package org.entropyharness.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.SampleRow;
import org.entropyharness.store.StoreException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A million reasoning sample rows through the store, one op each. Writing is {@link ArrowTables#write}, what
 * {@link RunDirectory#writeCell} and {@link RunDirectory#consolidate} call (temporary file, fsync, rename); reading is
 * {@link RunDirectory#readSamples}, the same {@link ArrowTables#read} that inspect, merge and the report use. The
 * yardstick is a plain sequential {@link FileChannel} write, fsynced, of the Arrow file's own bytes on the same disk.
 * Rows/s = 10⁶ ÷ s/op; MB/s = the file size printed at setup ÷ s/op. Reads come from the page cache: the file was
 * just written.
 */
@State(Scope.Benchmark)
// The whole heap from the start: a read holds two million rows at once, and growing the heap mid-op cost seconds.
@Fork(jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xms6g", "-Xmx6g"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ArrowSamplesBenchmark {
  public static final int ROWS = 1_000_000;

  /** Completion tokens per trace are uniform in [mean/2, 3·mean/2]; the text is four characters per token. */
  @Param("64")
  public int meanCompletionTokens;

  private List<SampleRow> rows;
  private Path dir;
  private RunDirectory run;
  private ByteBuffer arrowBytes;
  private long cpuNanosAtStart;

  @Setup
  public void setUp() throws IOException {
    rows = new ReasoningSampleRows(20_261_122L, meanCompletionTokens).rows(ROWS);
    dir = Files.createTempDirectory("arrow-samples-bench");
    run = new RunDirectory(dir);
    ArrowTables.write(run.samplesFile(), SampleRow.TABLE, rows);
    arrowBytes = offHeapCopy(run.samplesFile());
    long size = arrowBytes.capacity();
    System.out.printf(Locale.ROOT, "%n%,d sample rows: samples.arrow is %,d bytes (%.1f MB, %.0f B/row)%n", ROWS,
        size, size / 1e6, size / (double) ROWS);
  }

  /** Off-heap, like Arrow's buffers, so the yardstick's writes skip the JDK's copy of a heap buffer. */
  private static ByteBuffer offHeapCopy(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(channel.size()));
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new EOFException(file + " shrank while it was read");
        }
      }
      return buffer.flip();
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Setup(Level.Iteration)
  public void startCpuClock() {
    cpuNanosAtStart = processCpuNanos();
  }

  /** On a shared machine wall time depends on the other jobs; the CPU time this process spent, GC included, less so. */
  @TearDown(Level.Iteration)
  public void printCpuTime() {
    System.out.printf(Locale.ROOT, "[process CPU %,d ms] ", (processCpuNanos() - cpuNanosAtStart) / 1_000_000);
  }

  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  @Benchmark
  public Path writeMillionRows() throws IOException {
    ArrowTables.write(run.samplesFile(), SampleRow.TABLE, rows);
    return run.samplesFile();
  }

  /** Reads every row and folds every value into a checksum, so no column can be skipped. */
  @Benchmark
  public long readMillionRows() throws StoreException {
    long sum = 0;
    for (SampleRow r : run.readSamples()) {
      sum += r.cellId().length() + r.method().length() + r.seed() + r.slice().length() + r.itemId().length()
          + r.sampleIndex() + r.prediction().length() + r.reference().length()
          + (r.correct() == null ? 2 : r.correct() ? 1 : 0)
          + Double.doubleToRawLongBits(r.confidence()) + Double.doubleToRawLongBits(r.entropy()) + r.promptTokens()
          + r.completionTokens() + r.text().length() + r.extraction().length() + r.status().length();
      for (float e : r.tokenEntropies()) {
        sum += Float.floatToRawIntBits(e);
      }
    }
    return sum;
  }

  /** The same bytes as the Arrow file, written sequentially and fsynced: the disk's rate on this machine. */
  @Benchmark
  public Path rawSequentialWrite() throws IOException {
    Path file = dir.resolve("raw.bin");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = arrowBytes.duplicate();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    return file;
  }
}
