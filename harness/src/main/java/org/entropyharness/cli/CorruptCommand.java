package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.CifarCReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.data.ImageFolderReader;
import org.entropyharness.format.NpyWriter;
import org.entropyharness.data.ShippedData;
import org.entropyharness.data.corrupt.ContactSheet;
import org.entropyharness.data.corrupt.Corruption;
import org.entropyharness.data.corrupt.Corruptions;
import org.entropyharness.guard.OutputTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code harness corrupt}: writes a CIFAR-10-C style folder generated from clean images, and a contact sheet. */
@Command(
    name = "corrupt",
    mixinStandardHelpOptions = true,
    description = "Generates CIFAR-10-C (<corruption>.npy with severities stacked in blocks, labels.npy) from clean"
        + " CIFAR images with the seeded Java corruptions.")
public final class CorruptCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--base", required = true, description = "Clean images: a CIFAR-10 .bin file or an image folder.")
  Path base;

  @Option(names = "--out", required = true, description = "Output folder (created).")
  Path out;

  @Option(names = "--corruptions", split = ",", description = "Corruption ids (default: all 15).")
  List<String> corruptions = new ArrayList<>();

  @Option(names = "--severities", split = ",", description = "Severities 1..5 (default: all).")
  List<Integer> severities = new ArrayList<>(List.of(1, 2, 3, 4, 5));

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--limit", defaultValue = "0", description = "Images taken from the base (0: all).")
  int limit;

  @Option(names = "--contact-sheet", description = "Also write a PNG of one image under every corruption.")
  Path contactSheet;

  @Option(names = "--contact-index", defaultValue = "0", description = "Which base image the sheet shows.")
  int contactIndex;

  @Override
  public Integer call() throws IOException {
    OptionChecks.atLeast(spec, "--limit", limit, 0, "0 (every image) or a positive number of images");
    OptionChecks.atLeast(spec, "--seed", seed, 0, "a seed of 0 or more");
    OptionChecks.atLeast(spec, "--contact-index", contactIndex, 0, "the index of a base image, 0 or more");
    OutputTargets.folder(out, "--out");
    if (contactSheet != null) {
      OutputTargets.file(contactSheet, "--contact-sheet");
    }
    List<Corruption> chosen;
    try {
      chosen = corruptions.isEmpty() ? List.of(Corruption.values()) : corruptions.stream().map(Corruption::parse).toList();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--corruptions: " + e.getMessage());
    }
    try {
      severities.forEach(Corruption::checkSeverity);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--severities: " + e.getMessage());
    }
    ImageBatch clean = readBase();
    if (contactSheet != null && contactIndex >= clean.count()) {
      throw OptionChecks.refused(spec, "--contact-index", contactIndex, "an index below the " + clean.count()
          + " base images");
    }
    PrintWriter log = spec.commandLine().getOut();
    Files.createDirectories(out);
    for (Corruption c : chosen) {
      long start = System.nanoTime();
      writeCorruption(clean, c);
      log.printf("%-18s %d x %d images in %.1f s%n", c.id(), severities.size(), clean.count(),
          (System.nanoTime() - start) / 1e9);
    }
    writeLabels(clean);
    if (contactSheet != null) {
      ContactSheet.write(ContactSheet.render(clean, contactIndex, chosen, seed, 4), contactSheet);
      log.println("contact sheet: " + contactSheet);
    }
    log.flush();
    return 0;
  }

  private ImageBatch readBase() throws IOException {
    if (Files.isDirectory(base)) {
      return ImageFolderReader.read(base, List.of(), limit);
    }
    ShippedData.verifyIfListed(base);
    return CifarBinaryReader.read(base, limit);
  }

  private void writeCorruption(ImageBatch clean, Corruption c) throws IOException {
    int block = clean.pixels().length;
    byte[] all = new byte[block * severities.size()];
    for (int s = 0; s < severities.size(); s++) {
      ImageBatch corrupted = Corruptions.apply(clean, c, severities.get(s), seed);
      System.arraycopy(corrupted.pixels(), 0, all, s * block, block);
    }
    long n = (long) clean.count() * severities.size();
    NpyWriter.writeUint8(out.resolve(c.id() + ".npy"), all, List.of(n, 32L, 32L, 3L));
  }

  private void writeLabels(ImageBatch clean) throws IOException {
    int n = clean.count();
    int[] labels = new int[n * severities.size()];
    for (int s = 0; s < severities.size(); s++) {
      System.arraycopy(clean.labels(), 0, labels, s * n, n);
    }
    NpyWriter.writeLabelsUint8(out.resolve("labels.npy"), labels);
    Path sidecar = out.resolve(CifarCReader.SEVERITIES_FILE);
    if (severities.equals(List.of(1, 2, 3, 4, 5))) {
      Files.deleteIfExists(sidecar);
    } else {
      Files.writeString(sidecar, String.join(" ", severities.stream().map(String::valueOf).toList()) + "\n");
    }
  }
}
