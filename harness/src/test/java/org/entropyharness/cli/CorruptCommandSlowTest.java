package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.CifarCReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.data.corrupt.Corruption;
import org.entropyharness.data.corrupt.Corruptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** All 15 corruptions × 5 severities of 1,000 real test images through the command, read back block by block. */
@Tag("slow")
class CorruptCommandSlowTest {
  @TempDir Path out;

  @Test
  void should_write_and_read_back_every_corruption_and_severity_of_1000_images() throws Exception {
    Path base = Path.of(System.getProperty("harness.root", "..")).toAbsolutePath()
        .resolve("datasets/cifar10/test_batch.bin");
    StringWriter log = new StringWriter();
    CommandLine cli = new CommandLine(new CorruptCommand());
    cli.setOut(new PrintWriter(log));
    long start = System.nanoTime();
    assertThat(cli.execute("--base", base.toString(), "--out", out.toString(), "--limit", "1000")).isZero();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("75,000 images generated and written in %.1f s%n%s", seconds, log);
    ImageBatch clean = CifarBinaryReader.read(base, 1000);
    for (Corruption c : Corruption.values()) {
      for (int s = 1; s <= 5; s++) {
        ImageBatch read = CifarCReader.read(out, c.id(), s, 0);
        assertThat(read.pixels()).as("%s/%d", c.id(), s).isEqualTo(Corruptions.apply(clean, c, s, 1).pixels());
        assertThat(read.labels()).isEqualTo(clean.labels());
      }
    }
  }
}
