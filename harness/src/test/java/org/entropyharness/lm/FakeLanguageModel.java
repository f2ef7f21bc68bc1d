package org.entropyharness.lm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/** A test model whose trace i of a request is given by a function; it records every request it receives. */
public final class FakeLanguageModel implements LanguageModel {
  private final BiFunction<GenerationRequest, Integer, Trace> script;
  private final List<GenerationRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final ModelInfo info;

  public FakeLanguageModel(String fingerprint, BiFunction<GenerationRequest, Integer, Trace> script) {
    this.script = script;
    this.info = new ModelInfo("fake", fingerprint, EntropyProvenance.EXACT);
  }

  /** A trace with the given text and constant per-token confidence over {@code tokens} tokens. */
  public static Trace trace(String text, float confidence, int tokens) {
    float[] conf = new float[tokens];
    java.util.Arrays.fill(conf, confidence);
    float[] ent = new float[tokens];
    java.util.Arrays.fill(ent, 1f / (1 + confidence));
    return new Trace(text, 3, tokens, ent, conf, new float[tokens], EntropyProvenance.EXACT, "stop", null);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<Trace> generate(GenerationRequest request) {
    requests.add(request);
    List<Trace> out = new ArrayList<>();
    for (int i = 0; i < request.n(); i++) {
      out.add(script.apply(request, i));
    }
    return out;
  }

  public List<GenerationRequest> requests() {
    return List.copyOf(requests);
  }

  public int calls() {
    return requests.size();
  }
}
