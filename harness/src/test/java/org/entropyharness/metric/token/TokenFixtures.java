package org.entropyharness.metric.token;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PyTorch reference values in {@code metric/token/token_distributions.json}, made by {@code
 * make_token_fixtures.py} beside it (float64 from float32 logits).
 */
public final class TokenFixtures {
  private static final JsonNode ROOT = read();

  private TokenFixtures() {}

  /** One logits row with its reference statistics. */
  public record Row(String name, JsonNode node) {
    public float[] logits() {
      JsonNode a = node.get("logits");
      float[] z = new float[a.size()];
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) a.get(i).asDouble();
      }
      return z;
    }

    public double shannon() {
      return node.get("shannon").asDouble();
    }

    /** Rényi entropies by order (Infinity: min-entropy). */
    public Map<Double, Double> renyi() {
      return byNumber(node.get("renyi"));
    }

    /** DeepConf confidence by k. */
    public Map<Double, Double> confidence() {
      return byNumber(node.get("confidence"));
    }

    /** Entropy of the top-k log-probabilities renormalised, by k (where the row has k unmasked tokens). */
    public Map<Double, Double> topKEntropy() {
      return byNumber(node.get("topKEntropy"));
    }

    /** log-softmax at a temperature, for rows of at most 1,000 entries; null otherwise. */
    public double[] logSoftmax(double temperature) {
      JsonNode all = node.get("logSoftmax");
      return all == null ? null : doubles(all.get(Double.toString(temperature)));
    }
  }

  /** One sampling case: the probabilities a draw follows after temperature, top-k, top-p, min-p (HF semantics). */
  public record SamplingCase(float[] logits, double temperature, int topK, double topP, double minP,
      double[] probabilities) {
    @Override
    public String toString() {
      return "T=" + temperature + " top-k=" + topK + " top-p=" + topP + " min-p=" + minP + " over "
          + logits.length + " tokens";
    }
  }

  public static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    ROOT.get("rows").fields().forEachRemaining(e -> rows.add(new Row(e.getKey(), e.getValue())));
    return rows;
  }

  public static List<SamplingCase> samplingCases() {
    List<SamplingCase> cases = new ArrayList<>();
    for (JsonNode c : ROOT.get("sampling")) {
      double[] z = doubles(c.get("logits"));
      float[] logits = new float[z.length];
      for (int i = 0; i < z.length; i++) {
        logits[i] = (float) z[i];
      }
      cases.add(new SamplingCase(logits, c.get("temperature").asDouble(), c.get("topK").asInt(),
          c.get("topP").asDouble(), c.get("minP").asDouble(), doubles(c.get("probabilities"))));
    }
    return cases;
  }

  private static Map<Double, Double> byNumber(JsonNode o) {
    Map<Double, Double> out = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> out.put(Double.parseDouble(e.getKey()), e.getValue().asDouble()));
    return out;
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  private static JsonNode read() {
    try (InputStream in = TokenFixtures.class.getResourceAsStream("/metric/token/token_distributions.json")) {
      return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
