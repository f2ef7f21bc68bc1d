package org.entropyharness.method.tta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A reference file of the Python scripts: one row per line, a tag then space-separated numbers. */
final class TaggedRows {
  private final List<String> lines;

  private TaggedRows(List<String> lines) {
    this.lines = lines;
  }

  static TaggedRows read(Path file) {
    try {
      return new TaggedRows(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows tagged {@code tag}, in file order. */
  double[][] rows(String tag) {
    return lines.stream()
        .filter(l -> l.startsWith(tag + " "))
        .map(l -> Arrays.stream(l.substring(tag.length() + 1).trim().split(" ")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new);
  }
}
