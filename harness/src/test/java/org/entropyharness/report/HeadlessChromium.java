package org.entropyharness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Debian's chromium, run headless without DevTools: dumps a page's DOM after load, or takes a screenshot. */
final class HeadlessChromium {
  private static final long TIMEOUT_SECONDS = 90;

  private final Path binary;
  private final Path work;

  private HeadlessChromium(Path binary, Path work) {
    this.binary = binary;
    this.work = work;
  }

  /** The browser on PATH (chromium or chromium-browser), or empty. */
  static Optional<HeadlessChromium> find(Path work) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(new HeadlessChromium(p, work));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * What the browser produced.
   *
   * @param stdout the dumped DOM (for --dump-dom)
   * @param log the browser's logging output (console messages appear here)
   */
  record Output(String stdout, String log) {}

  Output dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, List.of("--dump-dom"));
  }

  Output screenshot(Path page, Path png) throws IOException, InterruptedException {
    return run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1600", "--hide-scrollbars"));
  }

  private Output run(Path page, List<String> extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    Path out = Files.createTempFile(work, "chromium", ".out");
    Path err = Files.createTempFile(work, "chromium", ".log");
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath(), "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=5000"));
    command.addAll(extra);
    command.add(page.toAbsolutePath().toUri().toString());
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
