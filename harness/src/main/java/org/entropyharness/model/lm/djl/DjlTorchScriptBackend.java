package org.entropyharness.model.lm.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
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
import java.util.SplittableRandom;
import org.entropyharness.model.lm.Decoding;
import org.entropyharness.model.lm.EntropyProvenance;
import org.entropyharness.model.lm.GenerationRequest;
import org.entropyharness.model.lm.LanguageModel;
import org.entropyharness.model.lm.ModelInfo;
import org.entropyharness.model.lm.Sha256;
import org.entropyharness.model.lm.Trace;

/**
 * A TorchScript language model run in process by DJL's PyTorch engine, decoded token by token in Java with exact
 * entropies over the full vocabulary. Trace i of a request samples with seed {@code seed + i}. Each step reruns the
 * whole sequence (no key-value cache), which suits the small models this backend is for. Not thread-safe across
 * calls: generation is serialised.
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
    List<Trace> traces = new ArrayList<>(request.n());
    for (int i = 0; i < request.n(); i++) {
      traces.add(sample(prompt, request.decoding(), new SplittableRandom(request.seed() + i)));
    }
    return traces;
  }

  private Trace sample(List<Integer> prompt, Decoding d, SplittableRandom random) throws IOException {
    List<Integer> ids = new ArrayList<>(prompt);
    List<Integer> out = new ArrayList<>();
    float[] ent = new float[d.maxTokens()];
    float[] conf = new float[d.maxTokens()];
    float[] lps = new float[d.maxTokens()];
    String finish = "length";
    while (out.size() < d.maxTokens()) {
      NextToken next = new NextToken(lastLogits(ids));
      int tok = next.choose(d, random);
      int j = out.size();
      ent[j] = (float) next.entropy;
      conf[j] = (float) next.confidence(config.confidenceTopK());
      lps[j] = (float) next.logprobs[tok];
      out.add(tok);
      ids.add(tok);
      if (tok == eosId) {
        finish = "stop";
        break;
      }
    }
    int n = out.size();
    List<Integer> textIds = finish.equals("stop") ? out.subList(0, n - 1) : out;
    return new Trace(vocab.decode(textIds), prompt.size(), n, java.util.Arrays.copyOf(ent, n),
        java.util.Arrays.copyOf(conf, n), java.util.Arrays.copyOf(lps, n), EntropyProvenance.EXACT, finish, null);
  }

  /** Logits of the next token after {@code ids}: the last row of the module's {@code [1,T,V]} output. */
  private float[] lastLogits(List<Integer> ids) throws IOException {
    try (NDManager step = model.getNDManager().newSubManager()) {
      long[] arr = ids.stream().mapToLong(Integer::longValue).toArray();
      NDArray input = step.create(arr, new Shape(1, arr.length));
      NDList result = predictor.predict(new NDList(input));
      NDArray logits = result.singletonOrThrow();
      if (logits.getShape().dimension() != 3 || logits.getShape().get(2) != vocab.size()) {
        throw new IOException(config.module() + ": forward returned shape " + logits.getShape() + ", expected [1, "
            + arr.length + ", " + vocab.size() + "] (vocabulary size from " + config.vocab() + ")");
      }
      float[] last = logits.get(0, arr.length - 1).toFloatArray();
      result.close();
      return last;
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
