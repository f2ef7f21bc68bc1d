package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.CifarCReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.format.NpyReader;
import org.entropyharness.data.corrupt.Corruption;
import org.entropyharness.data.corrupt.Corruptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CorruptCommandTest {
  @TempDir Path out;

  @Test
  void should_write_the_cifar10c_layout_that_our_reader_reads_back() throws Exception {
    Path base = Path.of(System.getProperty("harness.root", "..")).toAbsolutePath()
        .resolve("datasets/cifar10/test_batch.bin");
    StringWriter log = new StringWriter();
    CommandLine cli = new CommandLine(new CorruptCommand());
    cli.setOut(new PrintWriter(log));
    int code = cli.execute("--base", base.toString(), "--out", out.toString(), "--corruptions", "fog,pixelate",
        "--severities", "2,5", "--limit", "20", "--seed", "7", "--contact-sheet", out.resolve("sheet.png").toString());
    assertThat(code).isZero();
    assertThat(NpyReader.header(out.resolve("fog.npy")).shape()).containsExactly(40L, 32L, 32L, 3L);
    ImageBatch read = CifarCReader.read(out, "fog", 5, 0);
    ImageBatch expected = Corruptions.apply(CifarBinaryReader.read(base, 20), Corruption.FOG, 5, 7);
    assertThat(read.pixels()).isEqualTo(expected.pixels());
    assertThat(read.labels()).isEqualTo(expected.labels());
    assertThat(read.ids().get(19)).isEqualTo("fog/5/19");
    assertThat(Files.size(out.resolve("sheet.png"))).isPositive();
    assertThat(log.toString()).contains("pixelate", "contact sheet");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "fog.npy", "pixelate.npy", "labels.npy", "severities.txt", "sheet.png");
    }
  }

  @Test
  void should_fail_with_one_line_naming_the_option_and_the_allowed_names_for_an_unknown_corruption() {
    StringWriter err = new StringWriter();

    int code = HarnessCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "corrupt",
        "--base", "x.bin", "--out", out.toString(), "--corruptions", "fogg");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("harness: --corruptions: unknown corruption 'fogg'; allowed:"
        + " gaussian_noise, shot_noise, impulse_noise, defocus_blur, glass_blur, motion_blur, zoom_blur, snow, frost,"
        + " fog, brightness, contrast, elastic_transform, pixelate, jpeg_compression; see 'harness corrupt --help'");
    assertThat(out).isEmptyDirectory();
  }
}
