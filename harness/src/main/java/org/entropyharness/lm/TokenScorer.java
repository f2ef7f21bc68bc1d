package org.entropyharness.lm;

import java.io.IOException;

/**
 * Scores a given completion token by token (teacher forcing): the entropy of the model's next-token distribution at
 * each token of a trace, at a chosen temperature. Backends that see the whole distribution (embedded, DJL TorchScript)
 * offer it; this is how policy entropy is measured at a temperature other than the sampling one, and how one model's
 * traces are read under another (the base model's entropy on a checkpoint's traces).
 */
public interface TokenScorer {

  /**
   * Shannon entropy (nats) of softmax(logits / temperature) before each token of {@code trace}'s completion, in order;
   * the end token counts when the trace generated one.
   *
   * @throws IllegalArgumentException when the trace's text does not re-encode to its token count (another model's
   *     tokenizer), so its positions cannot be scored
   */
  float[] entropies(String prompt, Trace trace, double temperature) throws IOException;
}
