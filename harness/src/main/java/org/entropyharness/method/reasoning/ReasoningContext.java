package org.entropyharness.method.reasoning;

import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entropyharness.data.math.Problem;

/**
 * What strategies need from outside: how a problem becomes a prompt, how an answer is read from a completion and
 * when two answers are the same. The run plugs in the real answer checker here; strategies know none of it.
 *
 * @param prompt the full prompt for a problem
 * @param extractor the final answer in a completion, or null/"" when there is none
 * @param equivalence whether two extracted answers are the same answer (for voting)
 * @param maxTokens default completion length limit, a strategy's {@code max-tokens} overrides it
 */
public record ReasoningContext(
    Function<Problem, String> prompt,
    Function<String, String> extractor,
    BiPredicate<String, String> equivalence,
    int maxTokens) {

  private static final Pattern LAST_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?!.*\\d)", Pattern.DOTALL);

  public ReasoningContext {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(equivalence, "equivalence");
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1: " + maxTokens);
    }
  }

  /**
   * A plain context: the question followed by an instruction to end with the answer, the last number in the
   * completion as its answer, and exact string equality. Real runs use the answer checker instead.
   */
  public static ReasoningContext simple(int maxTokens) {
    return new ReasoningContext(
        p -> p.question() + "\nGive the final answer as the last number.\n",
        ReasoningContext::lastNumber,
        String::equals,
        maxTokens);
  }

  /** The last integer or decimal in the text, or null. */
  public static String lastNumber(String text) {
    Matcher m = LAST_NUMBER.matcher(text);
    return m.find() ? m.group() : null;
  }
}
