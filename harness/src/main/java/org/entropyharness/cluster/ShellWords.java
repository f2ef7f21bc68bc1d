package org.entropyharness.cluster;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quotes words for bash. Written by hand because it is one rule: single quotes around the word, and each single
 * quote inside written as {@code '\''}; nothing is special between single quotes.
 */
final class ShellWords {
  private ShellWords() {}

  /** One word, quoted. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Words quoted and joined by spaces. */
  static String join(List<String> words) {
    return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }
}
