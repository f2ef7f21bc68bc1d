package org.entropyharness.run.reasoning;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.TokenScorer;
import org.entropyharness.lm.Trace;

/**
 * The per-token entropy of a model's policy on traces, at a declared temperature: exact where the backend sees the
 * whole distribution (the recorded entropies when they are already at that temperature, else a teacher-forced
 * rescoring), the server's top-k estimate at temperature 1 otherwise, or nothing when neither exists.
 *
 * @param perTrace one array per trace (null for a failed trace or one that could not be scored)
 * @param provenance what the numbers are, or why they are missing
 */
record PolicyEntropy(List<float[]> perTrace, String provenance) {

  /** Whether anything was measured. */
  boolean measured() {
    return perTrace.stream().anyMatch(e -> e != null);
  }

  /**
   * Measures the entropies of {@code model} on {@code traces} of one prompt at {@code temperature}.
   *
   * @param recordedAtOne whether the traces' recorded entropies are the full distribution's at temperature 1 (true for
   *     traces the same exact backend generated)
   */
  static PolicyEntropy of(LanguageModel model, String prompt, List<Trace> traces, double temperature,
      boolean recordedAtOne) throws IOException {
    Optional<TokenScorer> scorer = model.scorer();
    List<float[]> out = new ArrayList<>(traces.size());
    if (scorer.isPresent()) {
      boolean reuse = recordedAtOne && temperature == 1.0;
      for (Trace t : traces) {
        out.add(t.failed() ? null : reuse ? t.tokenEntropies() : rescore(scorer.get(), prompt, t, temperature));
      }
      return new PolicyEntropy(out, "exact T=" + fmt(temperature) + (reuse ? "" : ", rescored"));
    }
    if (temperature == 1.0 && !model.info().provenance().exact()) {
      for (Trace t : traces) {
        out.add(t.failed() || t.tokenEntropies().length == 0 ? null : t.tokenEntropies());
      }
      return new PolicyEntropy(out, model.info().provenance().label() + ", read as the policy at T=1 (the server's"
          + " logprobs of the raw distribution)");
    }
    traces.forEach(t -> out.add(null));
    return new PolicyEntropy(out, "missing: the backend cannot rescore traces at T=" + temperature
        + " (only exact backends can; a server's top-k logprobs give an estimate at T=1 only)");
  }

  private static String fmt(double temperature) {
    return temperature == Math.rint(temperature) ? Long.toString((long) temperature) : Double.toString(temperature);
  }

  private static float[] rescore(TokenScorer scorer, String prompt, Trace t, double temperature) throws IOException {
    try {
      return scorer.entropies(prompt, t, temperature);
    } catch (IllegalArgumentException notOurs) {
      return null;
    }
  }

  /** The token-mean entropy over every measured token of every trace (NaN when none). */
  static double tokenMean(List<PolicyEntropy> problems) {
    double sum = 0;
    long tokens = 0;
    for (PolicyEntropy p : problems) {
      for (float[] e : p.perTrace()) {
        if (e != null) {
          for (float v : e) {
            sum += v;
          }
          tokens += e.length;
        }
      }
    }
    return tokens == 0 ? Double.NaN : sum / tokens;
  }
}
