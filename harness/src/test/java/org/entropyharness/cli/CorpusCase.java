package org.entropyharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of the bad-input corpus, a line of {@code cases.tsv}: the file at fault (under the corpus folder, or
 * {@code {gen}/...} for a fixture made at run time), the command, the exit code, the class of the issue it belongs to
 * and the exact expected line on stderr.
 *
 * @param file the input at fault
 * @param command the arguments, with {@code {file}}, {@code {out}} (an empty folder that must stay empty) and
 *     {@code {gen}} (the generated fixtures) to fill in
 * @param exit the expected exit code
 * @param kind the class of hostile input: silent, resources, paths, unclear, debris, format, schema
 * @param expected the exact line, with {@code <root>}, {@code <out>} and {@code <gen>} for the absolute folders
 */
record CorpusCase(String file, String command, int exit, String kind, String expected) {
  static final String HEADER = "file\tcommand\texit\tclass\texpected";

  /** Every case of a {@code cases.tsv}, in file order. */
  static List<CorpusCase> read(Path tsv) throws IOException {
    List<CorpusCase> cases = new ArrayList<>();
    for (String line : Files.readAllLines(tsv)) {
      if (line.isBlank() || line.equals(HEADER)) {
        continue;
      }
      String[] p = line.split("\t", -1);
      cases.add(new CorpusCase(p[0], p[1], Integer.parseInt(p[2]), p[3], p.length > 4 ? p[4] : ""));
    }
    return cases;
  }

  String toLine() {
    return String.join("\t", file, command, Integer.toString(exit), kind, expected);
  }

  /** The path of the file at fault: under the corpus, or under the generated fixtures. */
  Path path(Path corpus, Path gen) {
    return file.startsWith("{gen}/") ? gen.resolve(file.substring("{gen}/".length())) : corpus.resolve(file);
  }

  /** The command's arguments with the placeholders filled in. */
  String[] args(Path corpus, Path gen, Path out) {
    return command.replace("{file}", path(corpus, gen).toString()).replace("{out}", out.toString())
        .replace("{gen}", gen.toString()).split(" ");
  }
}
