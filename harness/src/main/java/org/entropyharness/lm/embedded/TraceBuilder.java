package org.entropyharness.lm.embedded;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.token.TokenChoice;

/** One trace being decoded: its cache, random stream, text and per-token statistics, and when it stops. */
final class TraceBuilder {
  private static final String BOX = "\\boxed{";

  final KvCache cache;
  final SplittableRandom rng;
  private final StringBuilder text = new StringBuilder();
  private float[] entropies = new float[32];
  private float[] confidences = new float[32];
  private float[] logprobs = new float[32];
  private int[] ids = new int[32];
  private int tokens;
  private int boxDepth = -1;
  private int lastToken;
  private String finishReason;

  TraceBuilder(KvCache cache, SplittableRandom rng) {
    this.cache = cache;
    this.rng = rng;
  }

  /** Records a chosen token; decides whether the trace is finished. */
  void accept(TokenChoice choice, CharTokenizer tokenizer, int maxTokens, int maxLength) {
    if (tokens == entropies.length) {
      entropies = Arrays.copyOf(entropies, 2 * tokens);
      confidences = Arrays.copyOf(confidences, 2 * tokens);
      logprobs = Arrays.copyOf(logprobs, 2 * tokens);
      ids = Arrays.copyOf(ids, 2 * tokens);
    }
    entropies[tokens] = choice.entropy();
    confidences[tokens] = choice.confidence();
    logprobs[tokens] = choice.logprob();
    ids[tokens] = choice.token();
    tokens++;
    lastToken = choice.token();
    if (choice.token() == CharTokenizer.EOS) {
      finishReason = "stop";
      return;
    }
    String piece = tokenizer.text(choice.token());
    text.append(piece);
    if (boxClosed(piece)) {
      finishReason = "stop";
    } else if (tokens >= maxTokens || cache.length() >= maxLength) {
      finishReason = "length";
    }
  }

  private boolean boxClosed(String piece) {
    if (boxDepth < 0) {
      if (text.length() >= BOX.length() && text.lastIndexOf(BOX) == text.length() - BOX.length()) {
        boxDepth = 1;
      }
      return false;
    }
    if (piece.equals("{")) {
      boxDepth++;
    } else if (piece.equals("}")) {
      boxDepth--;
    }
    return boxDepth == 0;
  }

  boolean finished() {
    return finishReason != null;
  }

  int lastToken() {
    return lastToken;
  }

  /** The chosen token ids, in order. */
  int[] tokenIds() {
    return Arrays.copyOf(ids, tokens);
  }

  Trace build(int promptTokens) {
    return new Trace(text.toString(), promptTokens, tokens, Arrays.copyOf(entropies, tokens),
        Arrays.copyOf(confidences, tokens), Arrays.copyOf(logprobs, tokens), EntropyProvenance.EXACT, finishReason,
        null);
  }
}
