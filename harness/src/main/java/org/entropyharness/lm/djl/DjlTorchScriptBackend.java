package org.entropyharness.lm.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import org.entropyharness.metric.token.SoftmaxEntropy;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.ModelInfo;
import org.entropyharness.lm.Sha256;
import org.entropyharness.lm.Trace;

/**
 * A TorchScript language model run in process by DJL's PyTorch engine, decoded token by token in Java with exact
 * entropies over the full vocabulary. Trace i of a request samples with seed {@code seed + i}; the n traces of a
 * request run as one batch, so the module must accept a batch dimension ({@code [n,T]} ids to {@code [n,T,V]}
 * logits). Each step reruns the whole sequence (no key-value cache), which suits the small models this backend is
 * for. Generation is serialised (DJL predictors are not thread-safe).
 */
public final class DjlTorchScriptBackend implements LanguageModel {
  private final DjlTorchScriptConfig config;
  private final JsonVocab vocab;
  private final Model model;
  private final Predictor<NDList, NDList> predictor;
  private final int eosId;
  private final ModelInfo info;

  /**
   * Loads the module and the vocabulary.
   *
   * @throws IOException when a file is unreadable, malformed, or the module does not load
   */
  public DjlTorchScriptBackend(DjlTorchScriptConfig config) throws IOException {
    this.config = config;
    this.vocab = JsonVocab.read(config.vocab());
    this.eosId = config.eosToken() == null ? -1 : vocab.id(config.eosToken());
    if (config.eosToken() != null && eosId < 0) {
      throw new IllegalArgumentException(config.vocab() + ": end token '" + config.eosToken()
          + "' is not in the vocabulary; add it or set no end token");
    }
    this.model = Model.newInstance(config.name(), "PyTorch");
    try {
      model.load(config.module());
    } catch (MalformedModelException e) {
      model.close();
      throw new IOException(config.module() + ": not a loadable TorchScript module: " + e.getMessage(), e);
    }
    this.predictor = model.newPredictor(new NoopTranslator());
    String weights = HexFormat.of().formatHex(sha256(Files.readAllBytes(config.module())));
    this.info = new ModelInfo(config.name(),
        Sha256.of("djl-torchscript", weights, Files.readString(config.vocab()), String.valueOf(config.eosToken())),
        EntropyProvenance.EXACT);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public synchronized List<Trace> generate(GenerationRequest request) throws IOException {
    List<Integer> prompt = vocab.encode(request.prompt());
    if (prompt.isEmpty()) {
      throw new IllegalArgumentException("prompt '" + request.promptId() + "' is empty; give the model some text");
    }
    List<TraceBuilder> traces = new ArrayList<>(request.n());
    for (int i = 0; i < request.n(); i++) {
      traces.add(new TraceBuilder(request.seed() + i, prompt.size(), request.decoding().maxTokens(), eosId,
          config.confidenceTopK()));
    }
    decode(prompt, traces, request.decoding());
    return traces.stream().map(t -> t.build(vocab)).toList();
  }

  /**
   * Decodes all traces in lockstep, one forward over a {@code [n, T]} batch per step. A trace that has stopped is
   * padded with its end token; the module is causal, so padding never changes another row.
   */
  private void decode(List<Integer> prompt, List<TraceBuilder> traces, Decoding d) throws IOException {
    List<long[]> rows = new ArrayList<>();
    for (int i = 0; i < traces.size(); i++) {
      rows.add(prompt.stream().mapToLong(Integer::longValue).toArray());
    }
    while (traces.stream().anyMatch(t -> !t.done())) {
      float[][] logits = lastLogits(rows);
      for (int i = 0; i < traces.size(); i++) {
        TraceBuilder t = traces.get(i);
        long next = t.done() ? Math.max(eosId, 0) : t.step(logits[i], d);
        long[] row = java.util.Arrays.copyOf(rows.get(i), rows.get(i).length + 1);
        row[row.length - 1] = next;
        rows.set(i, row);
      }
    }
  }

  /** Next-token logits for each row: the last position of the module's {@code [n,T,V]} output. */
  private float[][] lastLogits(List<long[]> rows) throws IOException {
    int n = rows.size();
    int len = rows.get(0).length;
    long[] flat = new long[n * len];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows.get(i), 0, flat, i * len, len);
    }
    try (NDManager step = model.getNDManager().newSubManager()) {
      NDList result = predictor.predict(new NDList(step.create(flat, new Shape(n, len))));
      NDArray logits = result.singletonOrThrow();
      Shape shape = logits.getShape();
      if (shape.dimension() != 3 || shape.get(0) != n || shape.get(2) != vocab.size()) {
        throw new IOException(config.module() + ": forward returned shape " + shape + ", expected [" + n + ", " + len
            + ", " + vocab.size() + "] (vocabulary size from " + config.vocab() + ")");
      }
      float[] last = logits.get(":, -1, :").toFloatArray();
      result.close();
      float[][] out = new float[n][];
      for (int i = 0; i < n; i++) {
        out[i] = java.util.Arrays.copyOfRange(last, i * vocab.size(), (i + 1) * vocab.size());
      }
      return out;
    } catch (TranslateException e) {
      throw new IOException(config.module() + ": forward failed: " + e.getMessage(), e);
    }
  }

  @Override
  public java.util.Optional<org.entropyharness.lm.TokenScorer> scorer() {
    return java.util.Optional.of(this::entropies);
  }

  /** Teacher-forced entropies: one forward over prompt + completion, read at each completion position. */
  private synchronized float[] entropies(String prompt, Trace trace, double temperature) throws IOException {
    List<Integer> context = vocab.encode(prompt);
    List<Integer> completion = vocab.encode(trace.text());
    boolean ended = eosId >= 0 && trace.completionTokens() == completion.size() + 1;
    if (!ended && trace.completionTokens() != completion.size()) {
      throw new IllegalArgumentException("the trace has " + trace.completionTokens() + " tokens but its text encodes to "
          + completion.size() + ": not a trace of this vocabulary");
    }
    int scored = completion.size() + (ended ? 1 : 0);
    if (scored == 0) {
      return new float[0];
    }
    long[] row = new long[context.size() + scored - 1];
    for (int i = 0; i < row.length; i++) {
      row[i] = i < context.size() ? context.get(i) : completion.get(i - context.size());
    }
    float[][] logits = allLogits(row);
    float[] out = new float[scored];
    for (int i = 0; i < scored; i++) {
      float[] next = logits[context.size() - 1 + i];
      out[i] = (float) SoftmaxEntropy.shannonAt(next, 0, next.length, temperature);
    }
    return out;
  }

  /** Logits at every position of one row: the module's {@code [1,T,V]} output. */
  private float[][] allLogits(long[] row) throws IOException {
    try (NDManager step = model.getNDManager().newSubManager()) {
      NDList result = predictor.predict(new NDList(step.create(row, new Shape(1, row.length))));
      float[] flat = result.singletonOrThrow().toFloatArray();
      result.close();
      float[][] out = new float[row.length][];
      for (int t = 0; t < row.length; t++) {
        out[t] = java.util.Arrays.copyOfRange(flat, t * vocab.size(), (t + 1) * vocab.size());
      }
      return out;
    } catch (TranslateException e) {
      throw new IOException(config.module() + ": forward failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }

  @Override
  public String toString() {
    return "DjlTorchScriptBackend[name=" + config.name() + ", module=" + config.module() + "]";
  }
}
