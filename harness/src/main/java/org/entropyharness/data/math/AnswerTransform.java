package org.entropyharness.data.math;

import java.util.Arrays;
import org.entropyharness.metric.answer.AnswerExtractor;
import java.util.stream.Collectors;

/** How a raw answer field becomes the reference answer. */
public enum AnswerTransform {
  /** Keep the field as it is. */
  NONE("none"),
  /** GSM8K: the text after the last {@code "#### "}, with thousands separators removed. */
  GSM8K_HASH("gsm8k-hash"),
  /**
   * MATH, Minerva-style sets that ship only a worked solution: the content of the last {@code \boxed{…}} (with the
   * boxes just before it that list answers with it).
   */
  BOXED("boxed");

  private final String id;

  AnswerTransform(String id) {
    this.id = id;
  }

  /** The id used in suite files. */
  public String id() {
    return id;
  }

  /** Looks up a transform by its suite id; the message lists the allowed ids. */
  public static AnswerTransform fromId(String id) {
    for (AnswerTransform t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown answer transform '" + id + "'; allowed: "
            + Arrays.stream(values()).map(AnswerTransform::id).collect(Collectors.joining(", ")));
  }

  /**
   * Applies the transform.
   *
   * @return the reference answer, or null when the raw text lacks what the transform needs
   */
  public String apply(String raw) {
    if (this == NONE) {
      return raw.strip();
    }
    if (this == BOXED) {
      return AnswerExtractor.lastBoxed(raw);
    }
    int at = raw.lastIndexOf("####");
    if (at < 0) {
      return null;
    }
    return raw.substring(at + 4).strip().replace(",", "");
  }
}
