package org.entropyharness.guard;

/**
 * Text from files made safe for a terminal or a one-line message: line breaks, other control characters and the
 * Unicode bidirectional overrides (which can make a printed line read differently from what it holds) become visible
 * escapes such as {@code \n} and {@code \u202e}.
 */
public final class Printable {
  private Printable() {}

  /** The text with every unsafe character escaped; safe text comes back unchanged. */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escaped = escapeOf(c);
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        out.append(escaped != null ? escaped : String.valueOf(c));
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether the text would print unchanged. */
  public static boolean isSafe(String text) {
    return escape(text).equals(text);
  }

  private static String escapeOf(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '\\':
        return null;
      default:
        break;
    }
    boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
        || c == 0x061c;
    boolean separator = c == 0x2028 || c == 0x2029 || c == 0x85;
    boolean bom = c == 0xfeff;
    return control || bidi || separator || bom ? String.format("\\u%04x", (int) c) : null;
  }
}
