package org.entropyharness.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entropyharness.guard.ExactNumbers;

/**
 * Parses the Python dict literal of a {@code .npy} header, e.g.
 * {@code {'descr': '|u1', 'fortran_order': False, 'shape': (50000, 32, 32, 3), }}, and nothing more general.
 */
final class NpyDict {
  private final Path file;
  private final String text;
  private final long base;
  private int pos;

  private NpyDict(Path file, String text, long base) {
    this.file = file;
    this.text = text;
    this.base = base;
  }

  static NpyHeader parse(Path file, String text, long base, long dataOffset) throws DataFormatException {
    return new NpyDict(file, text, base).dict(dataOffset);
  }

  private NpyHeader dict(long dataOffset) throws DataFormatException {
    String descr = null;
    Boolean fortran = null;
    List<Long> shape = null;
    expect('{');
    while (peek() != '}') {
      int keyAt = pos;
      String key = string();
      expect(':');
      switch (key) {
        case "descr" -> descr = string();
        case "fortran_order" -> fortran = bool();
        case "shape" -> shape = tuple();
        default -> throw fail(keyAt, "unknown header key '" + key + "'; allowed: descr, fortran_order, shape");
      }
      if (peek() == ',') {
        pos++;
      } else if (peek() != '}') {
        throw fail(pos, "expected ',' or '}' in the header dict");
      }
    }
    if (descr == null || fortran == null || shape == null) {
      throw fail(pos, "header lacks one of 'descr', 'fortran_order', 'shape'; write the file with numpy.save");
    }
    return new NpyHeader(descr, fortran, shape, dataOffset);
  }

  private String string() throws DataFormatException {
    char quote = peek();
    if (quote != '\'' && quote != '"') {
      throw fail(pos, "expected a quoted string in the header dict");
    }
    int end = text.indexOf(quote, pos + 1);
    if (end < 0) {
      throw fail(pos, "unterminated string in the header dict");
    }
    String s = text.substring(pos + 1, end);
    pos = end + 1;
    return s;
  }

  private boolean bool() throws DataFormatException {
    peek();
    for (String word : new String[] {"True", "False"}) {
      if (text.startsWith(word, pos)) {
        pos += word.length();
        return word.equals("True");
      }
    }
    throw fail(pos, "expected True or False for 'fortran_order'");
  }

  private List<Long> tuple() throws DataFormatException {
    expect('(');
    List<Long> dims = new ArrayList<>();
    while (peek() != ')') {
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw fail(pos, "expected a non-negative integer in 'shape'");
      }
      long dim = ExactNumbers.parseLong(text.substring(start, pos)).orElseThrow(() -> fail(start,
          "dimension " + text.substring(start, Math.min(pos, start + 40)) + " of 'shape' does not fit in 64 bits;"
              + " the header is corrupt"));
      dims.add(dim);
      if (peek() == ',') {
        pos++;
      } else if (peek() != ')') {
        throw fail(pos, "expected ',' or ')' in 'shape'");
      }
    }
    pos++;
    return dims;
  }

  private void expect(char c) throws DataFormatException {
    if (peek() != c) {
      throw fail(pos, "expected '" + c + "' in the header dict");
    }
    pos++;
  }

  private char peek() throws DataFormatException {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    if (pos >= text.length()) {
      throw fail(pos, "header dict ends early; the file is truncated or not written by numpy.save");
    }
    return text.charAt(pos);
  }

  private DataFormatException fail(int at, String message) {
    return NpyReader.fail(file, base + at, message);
  }
}
