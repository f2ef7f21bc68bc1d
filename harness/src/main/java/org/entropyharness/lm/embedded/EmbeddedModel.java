package org.entropyharness.lm.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.ModelInfo;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.token.TokenChoice;

/**
 * The embedded arithmetic model, run in-process on plain Java arrays: full-vocabulary logits at every step, so
 * per-token entropies are exact. The prompt is a problem's question verbatim (for example {@code (12+3*4)/6}); the
 * model frames it itself. Traces are decoded in batches with a KV cache and stop at end-of-sequence, when
 * {@code \boxed{…}} closes, or at the token limit. Trace i draws from a random stream seeded by (seed, i) alone, so a
 * trace does not depend on the batch it was decoded in.
 */
public final class EmbeddedModel implements LanguageModel {
  /** k of the DeepConf token confidence (or the vocabulary size, when smaller). */
  static final int CONFIDENCE_TOP_K = 20;
  /** Weights path inside the datasets folder. */
  public static final String SHIPPED_WEIGHTS = "models/arith-tiny.bin";

  private final JavaTransformer transformer;
  private final CharTokenizer tokenizer = new CharTokenizer();
  private final ModelInfo info;
  private final int batchSize;

  private EmbeddedModel(JavaTransformer transformer, String fingerprint, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive: " + batchSize);
    }
    this.transformer = transformer;
    this.info = new ModelInfo("arith-tiny", fingerprint, EntropyProvenance.EXACT);
    this.batchSize = batchSize;
  }

  /** Loads the shipped model from a datasets folder, checking its sha256 against {@code MANIFEST.tsv} there. */
  public static EmbeddedModel loadShipped(Path datasets) throws IOException {
    return load(datasets.resolve(SHIPPED_WEIGHTS), datasets.resolve("MANIFEST.tsv"), 16);
  }

  /**
   * Loads weights after checking their sha256 against the manifest line for them.
   *
   * @param batchSize traces decoded together (1 decodes one at a time)
   */
  public static EmbeddedModel load(Path weights, Path manifest, int batchSize) throws IOException {
    String sha = WeightsManifest.verify(weights, manifest);
    return new EmbeddedModel(new JavaTransformer(WeightsFile.read(weights)), sha, batchSize);
  }

  /** Loads weights with no manifest check (freshly trained files); the fingerprint is still their sha256. */
  public static EmbeddedModel loadUnverified(Path weights, int batchSize) throws IOException {
    return new EmbeddedModel(
        new JavaTransformer(WeightsFile.read(weights)), WeightsManifest.sha256(weights), batchSize);
  }

  /**
   * A model over weights held in memory, such as a training run's current policy; {@code fingerprint} names them
   * (no file to hash).
   */
  public static EmbeddedModel of(WeightsFile weights, String fingerprint, int batchSize) {
    return new EmbeddedModel(new JavaTransformer(weights), fingerprint, batchSize);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /**
   * A trace with the token ids it chose (special tokens such as {@code <eos>} included), for training on the
   * model's own samples.
   *
   * @param trace the trace as {@link #generate} returns it
   * @param tokenIds the chosen token ids, one per entry of the trace's per-token arrays
   */
  public record SampledTrace(Trace trace, int[] tokenIds) {
    public SampledTrace {
      tokenIds = tokenIds.clone();
    }

    @Override
    public int[] tokenIds() {
      return tokenIds.clone();
    }
  }

  @Override
  public List<Trace> generate(GenerationRequest request) {
    return sample(request).stream().map(SampledTrace::trace).toList();
  }

  /** As {@link #generate}, with each trace's chosen token ids. */
  public List<SampledTrace> sample(GenerationRequest request) {
    int[] prompt = tokenizer.encodePrompt(request.prompt());
    TinyGptConfig config = transformer.config();
    if (prompt.length >= config.maxLength()) {
      throw new IllegalArgumentException("prompt " + request.promptId() + " has " + prompt.length
          + " tokens; the embedded model reads at most " + (config.maxLength() - 1));
    }
    KvCache promptCache = new KvCache(config);
    int vocabulary = config.vocabularySize();
    float[] promptLogits = Arrays.copyOfRange(transformer.prefill(prompt, promptCache),
        (prompt.length - 1) * vocabulary, prompt.length * vocabulary);
    List<SampledTrace> traces = new ArrayList<>(request.n());
    for (int start = 0; start < request.n(); start += batchSize) {
      int rows = Math.min(batchSize, request.n() - start);
      traces.addAll(decode(request, promptCache, promptLogits, start, rows, prompt.length));
    }
    return traces;
  }

  private List<SampledTrace> decode(
      GenerationRequest request, KvCache promptCache, float[] promptLogits, int first, int rows, int promptTokens) {
    int vocabulary = transformer.config().vocabularySize();
    List<TraceBuilder> all = Arrays.asList(new TraceBuilder[rows]);
    float[] logits = new float[rows * vocabulary];
    // Copying the prompt's cache and the first choice are per-row work too: on both cores.
    SecondCore.splitRows(rows, (from, to) -> {
      for (int r = from; r < to; r++) {
        all.set(r, new TraceBuilder(promptCache.copy(), new SplittableRandom(traceSeed(request.seed(), first + r))));
        System.arraycopy(promptLogits, 0, logits, r * vocabulary, vocabulary);
      }
      chooseNext(all, logits, request.decoding(), from, to);
    });
    List<TraceBuilder> active = unfinished(all);
    while (!active.isEmpty()) {
      List<TraceBuilder> batch = active;
      int[] tokens = new int[batch.size()];
      KvCache[] caches = new KvCache[batch.size()];
      for (int r = 0; r < tokens.length; r++) {
        tokens[r] = batch.get(r).lastToken();
        caches[r] = batch.get(r).cache;
      }
      // Each trace samples from its own stream, so rows may choose on whichever core computed their logits.
      transformer.step(tokens, caches, tokens.length, logits,
          (from, to) -> chooseNext(batch, logits, request.decoding(), from, to));
      active = unfinished(batch);
    }
    return all.stream().map(t -> new SampledTrace(t.build(promptTokens), t.tokenIds())).toList();
  }

  /** Traces {@code [from, to)} choose their next token from their rows of {@code logits}. */
  private void chooseNext(List<TraceBuilder> traces, float[] logits, Decoding decoding, int from, int to) {
    int vocabulary = transformer.config().vocabularySize();
    for (int r = from; r < to; r++) {
      TraceBuilder trace = traces.get(r);
      TokenChoice choice = TokenChoice.choose(logits, r * vocabulary, vocabulary, decoding, CONFIDENCE_TOP_K, trace.rng);
      trace.accept(choice, tokenizer, decoding.maxTokens(), transformer.config().maxLength());
    }
  }

  private static List<TraceBuilder> unfinished(List<TraceBuilder> traces) {
    List<TraceBuilder> out = new ArrayList<>(traces.size());
    for (TraceBuilder trace : traces) {
      if (!trace.finished()) {
        out.add(trace);
      }
    }
    return out;
  }

  /** Trace i's seed: a mix of (seed, i) alone. */
  static long traceSeed(long seed, int trace) {
    long h = seed * 0x9E3779B97F4A7C15L + (trace + 1) * 0xBF58476D1CE4E5B9L;
    h ^= h >>> 30;
    h *= 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  @Override
  public java.util.Optional<org.entropyharness.lm.TokenScorer> scorer() {
    return java.util.Optional.of(new EmbeddedScorer(transformer, tokenizer));
  }

  /** The forward pass, for tests and benchmarks in this package. */
  JavaTransformer transformer() {
    return transformer;
  }
}
