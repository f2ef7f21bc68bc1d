package org.entropyharness.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.StoreException;

/**
 * The nightly history: one Arrow file of metric rows per night, {@code <yyyy-mm-dd>.arrow}, in one folder. A night's
 * file is rewritten whole and atomically, so a crash leaves the previous version, never a torn file.
 */
public final class History {
  private static final Pattern NIGHT_FILE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.arrow");

  private final Path dir;

  public History(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The file of one night. */
  public Path file(LocalDate night) {
    return dir.resolve(night + ".arrow");
  }

  /**
   * Adds rows to a night: rows of the same suite, cell, slice and metric already in the night's file are replaced
   * (a rerun the same night wins), the others are kept.
   */
  public void append(LocalDate night, List<MetricRow> rows) throws IOException {
    Path file = file(night);
    List<MetricRow> merged = new ArrayList<>();
    Set<String> fresh = new HashSet<>();
    rows.forEach(r -> fresh.add(r.suite() + " " + r.key()));
    if (Files.exists(file)) {
      ArrowTables.read(file, MetricRow.TABLE).stream().filter(r -> !fresh.contains(r.suite() + " " + r.key()))
          .forEach(merged::add);
    }
    merged.addAll(rows);
    ArrowTables.write(file, MetricRow.TABLE, merged);
  }

  /** Every night in the folder, oldest first; other files are ignored. An empty or missing folder has none. */
  public List<Night> nights() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> NIGHT_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
    List<Night> nights = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      nights.add(new Night(night(f, name.substring(0, name.length() - ".arrow".length())), f, read(f)));
    }
    return nights;
  }

  private static LocalDate night(Path file, String stem) throws StoreException {
    try {
      return LocalDate.parse(stem);
    } catch (DateTimeParseException e) {
      throw new StoreException(file + ":1:1: '" + stem + "' is not a date; name a night's file yyyy-mm-dd.arrow or"
          + " move it out");
    }
  }

  private static List<MetricRow> read(Path file) throws StoreException {
    return ArrowTables.read(file, MetricRow.TABLE);
  }

  /**
   * One night of the history.
   *
   * @param date the night
   * @param file its Arrow file
   * @param rows its metric rows
   */
  public record Night(LocalDate date, Path file, List<MetricRow> rows) {
    public Night {
      rows = List.copyOf(rows);
    }
  }
}
