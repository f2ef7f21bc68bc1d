package org.entropyharness.lm.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.token.TokenChoice;

/** One trace being decoded: its random stream, chosen tokens and per-token statistics. */
final class TraceBuilder {
  private final SplittableRandom random;
  private final int promptTokens;
  private final int eosId;
  private final int confidenceTopK;
  private final List<Integer> out = new ArrayList<>();
  private final float[] entropies;
  private final float[] confidences;
  private final float[] logprobs;
  private boolean stopped;

  TraceBuilder(long seed, int promptTokens, int maxTokens, int eosId, int confidenceTopK) {
    this.random = new SplittableRandom(seed);
    this.promptTokens = promptTokens;
    this.eosId = eosId;
    this.confidenceTopK = confidenceTopK;
    this.entropies = new float[maxTokens];
    this.confidences = new float[maxTokens];
    this.logprobs = new float[maxTokens];
  }

  boolean done() {
    return stopped || out.size() == entropies.length;
  }

  /** Chooses and records the next token from the logits; returns it. */
  int step(float[] logits, Decoding d) {
    TokenChoice choice = TokenChoice.choose(logits, 0, logits.length, d, confidenceTopK, random);
    int tok = choice.token();
    int j = out.size();
    entropies[j] = choice.entropy();
    confidences[j] = choice.confidence();
    logprobs[j] = choice.logprob();
    out.add(tok);
    stopped = tok == eosId;
    return tok;
  }

  Trace build(JsonVocab vocab) {
    int n = out.size();
    List<Integer> textIds = stopped ? out.subList(0, n - 1) : out;
    return new Trace(vocab.decode(textIds), promptTokens, n, Arrays.copyOf(entropies, n),
        Arrays.copyOf(confidences, n), Arrays.copyOf(logprobs, n), EntropyProvenance.EXACT,
        stopped ? "stop" : "length", null);
  }
}
