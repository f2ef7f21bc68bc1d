package org.entropyharness.lm.embedded;

import org.entropyharness.lm.TokenScorer;
import org.entropyharness.metric.token.SoftmaxEntropy;
import org.entropyharness.lm.Trace;

/**
 * Teacher-forced scoring on the embedded model: one forward pass over {@code <bos>} + prompt + completion (+ the end
 * token when the trace generated it), the exact entropy of the full next-token distribution at each completion
 * position at the given temperature.
 */
final class EmbeddedScorer implements TokenScorer {
  private final JavaTransformer transformer;
  private final CharTokenizer tokenizer;

  EmbeddedScorer(JavaTransformer transformer, CharTokenizer tokenizer) {
    this.transformer = transformer;
    this.tokenizer = tokenizer;
  }

  @Override
  public float[] entropies(String prompt, Trace trace, double temperature) {
    int[] context = tokenizer.encodePrompt(prompt);
    int[] completion = tokenizer.encode(trace.text());
    boolean ended = trace.completionTokens() == completion.length + 1;
    if (!ended && trace.completionTokens() != completion.length) {
      throw new IllegalArgumentException("the trace has " + trace.completionTokens() + " tokens but its text "
          + completion.length + " characters: not a trace of this tokenizer");
    }
    int scored = completion.length + (ended ? 1 : 0);
    if (scored == 0) {
      return new float[0];
    }
    // The last scored position predicts the last completion token; the end token itself needs no input position.
    int[] tokens = new int[context.length + scored - 1];
    System.arraycopy(context, 0, tokens, 0, context.length);
    System.arraycopy(completion, 0, tokens, context.length, Math.min(completion.length, scored - 1));
    if (tokens.length > transformer.config().maxLength()) {
      throw new IllegalArgumentException("prompt and completion have " + tokens.length + " tokens; the model reads at"
          + " most " + transformer.config().maxLength());
    }
    float[][] logits = transformer.fullLogits(tokens);
    int vocabulary = transformer.config().vocabularySize();
    float[] out = new float[scored];
    for (int i = 0; i < scored; i++) {
      out[i] = (float) SoftmaxEntropy.shannonAt(logits[context.length - 1 + i], 0, vocabulary, temperature);
    }
    return out;
  }
}
