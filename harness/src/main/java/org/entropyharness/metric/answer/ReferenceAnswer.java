package org.entropyharness.metric.answer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The reference answer of a problem: one answer, or several that combine as {@link Combination} says.
 *
 * @param answers the answers as written (LaTeX, plain text, or a whole solution to extract from)
 * @param combination how several answers combine
 */
public record ReferenceAnswer(List<String> answers, Combination combination) {

  /** How the answers of a list-valued reference combine. */
  public enum Combination {
    /** All of them, in any order (OlympiadBench's multiple answers, the roots of an equation). */
    ALL("all"),
    /** All of them, in this order. */
    ORDERED("ordered"),
    /** Any one of them (equally acceptable forms). */
    ANY("any");

    private final String id;

    Combination(String id) {
      this.id = id;
    }

    /** The id used in suite files and on the command line. */
    public String id() {
      return id;
    }

    /** The combination with this id; the message lists the allowed ids. */
    public static Combination fromId(String id) {
      for (Combination c : values()) {
        if (c.id.equals(id)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown answer combination '" + id + "'; allowed: "
          + Arrays.stream(values()).map(Combination::id).collect(Collectors.joining(", ")));
    }
  }

  public ReferenceAnswer {
    answers = List.copyOf(answers);
    Objects.requireNonNull(combination, "combination");
    if (answers.isEmpty()) {
      throw new IllegalArgumentException("a reference needs at least one answer");
    }
  }

  /** A single answer. */
  public static ReferenceAnswer of(String answer) {
    return new ReferenceAnswer(List.of(answer), Combination.ALL);
  }

  /** How the reference reads in a report: the answer, or the answers joined by ", " (all) or " or " (any). */
  public String display() {
    if (answers.size() == 1) {
      return answers.get(0);
    }
    return String.join(combination == Combination.ANY ? " or " : ", ", answers);
  }
}
