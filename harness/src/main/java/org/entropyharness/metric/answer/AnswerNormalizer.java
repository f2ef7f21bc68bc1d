package org.entropyharness.metric.answer;

import java.util.regex.Pattern;

/**
 * Rewrites an answer into a canonical surface form so that equal answers written differently compare equal as
 * strings: drops {@code $}, {@code \left}/{@code \right}, thin spaces, degree signs, percent signs, unit text,
 * thousands separators, a leading {@code x =}, a trailing period and all white space; turns {@code \dfrac} and
 * {@code \tfrac} into {@code \frac}.
 */
public final class AnswerNormalizer {
  private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final Pattern VARIABLE_PREFIX = Pattern.compile("^[a-zA-Z](_\\{?\\w+\\}?)?\\s*=\\s*");
  private static final Pattern TRAILING_TEXT = Pattern.compile("(?<=\\S)\\s*\\\\(?:text|mbox|mathrm)\\{[^{}]*\\}(\\^\\{?\\d\\}?)?\\s*$");
  private static final Pattern TEXT = Pattern.compile("\\\\(?:text|textbf|mbox|mathrm|mathbf)\\{([^{}]*)\\}");
  private static final Pattern DEGREES = Pattern.compile("\\^\\s*\\{?\\s*\\\\circ\\s*\\}?|\\\\circ|\\\\degree");

  private static final Pattern CHOICE = Pattern.compile("^\\(([A-Z])\\)$");

  private AnswerNormalizer() {}

  /** The canonical form of {@code answer}; never null. */
  public static String normalize(String answer) {
    String s = answer.strip().replace('\u2212', '-');
    s = s.replace("\\$", "").replace("$", "");
    s = s.replace("\\left.", "").replace("\\right.", "");
    s = s.replace("\\left", "").replace("\\right", "").replace("\\displaystyle", "");
    s = s.replace("\\!", "").replace("\\,", "").replace("\\;", "").replace("\\:", "").replace("\\ ", " ");
    s = s.replace("~", " ").replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac");
    s = DEGREES.matcher(s).replaceAll("");
    s = s.replace("\\%", "").replace("%", "");
    s = stripUnits(s);
    s = VARIABLE_PREFIX.matcher(s.strip()).replaceFirst("");
    s = s.strip();
    while (s.endsWith(".") || s.endsWith("\\.")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    s = s.replaceAll("\\s+", "");
    if (THOUSANDS.matcher(s).matches()) {
      s = s.replace(",", "");
    }
    return CHOICE.matcher(s).replaceFirst("$1");
  }

  /** Drops a unit written as trailing text ("10 \text{ cm}"), then unwraps any remaining text commands. */
  private static String stripUnits(String s) {
    String previous;
    do {
      previous = s;
      s = TRAILING_TEXT.matcher(s).replaceFirst("");
    } while (!s.equals(previous));
    return TEXT.matcher(s).replaceAll("$1");
  }
}
