package org.entropyharness.method.reasoning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.lm.Decoding;

/**
 * The strategy registry: creates a {@link DecodingStrategy} from a suite's id and parameters, defaults filled in.
 *
 * <table>
 *   <caption>ids and parameters (defaults)</caption>
 *   <tr><td>greedy</td><td>max-tokens</td></tr>
 *   <tr><td>sample</td><td>temperature 0.8, top-p 0.95, top-k 0, min-p 0, n 1, max-tokens</td></tr>
 *   <tr><td>edt</td><td>t0 1.0, base 0.8, theta 1.0, min-temperature 0, n 1, max-tokens</td></tr>
 *   <tr><td>self-consistency</td><td>temperature 0.8, top-p 0.95, top-k 0, min-p 0, n 16, max-tokens</td></tr>
 *   <tr><td>deepconf</td><td>the sampling keys of self-consistency, n 16, keep 0.1, window 2048,
 *       score bottom10 (mean | tail | bottom10 | lowest-group), max-tokens</td></tr>
 * </table>
 *
 * <p>sample, self-consistency and deepconf share their sampling defaults on purpose: at the same n and seed they ask
 * for the same generation, so a generation cache serves all three from one set of samples. {@code max-tokens}
 * defaults to the context's. For edt, the temperature is {@code t0 · base^(theta / H)} (Zhang et al. 2024; base is
 * the paper's N).
 */
public final class DecodingStrategies {
  public static final String GREEDY = "greedy";
  public static final String SAMPLE = "sample";
  public static final String EDT = "edt";
  public static final String SELF_CONSISTENCY = "self-consistency";
  public static final String DEEPCONF = "deepconf";

  private DecodingStrategies() {}

  /** The registered ids. */
  public static List<String> ids() {
    return List.of(GREEDY, SAMPLE, EDT, SELF_CONSISTENCY, DEEPCONF);
  }

  /**
   * Creates a strategy.
   *
   * @throws IllegalArgumentException for an unknown id (listing the ids), an unknown parameter (naming it and the
   *     allowed ones) or a value out of range
   */
  public static DecodingStrategy create(String id, Map<String, ?> params, ReasoningContext context) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("max-tokens", context.maxTokens());
    switch (id) {
      case GREEDY -> {
        StrategyParams p = new StrategyParams(id, params, defaults);
        return new VotingStrategy(id, p, Decoding.greedy(maxTokens(p)), 1, context);
      }
      case SAMPLE, SELF_CONSISTENCY -> {
        samplingDefaults(defaults, id.equals(SAMPLE) ? 1 : 16);
        StrategyParams p = new StrategyParams(id, params, defaults);
        return new VotingStrategy(id, p, sampling(p), count(p), context);
      }
      case EDT -> {
        defaults.putAll(Map.of("t0", 1.0, "base", 0.8, "theta", 1.0, "min-temperature", 0.0, "n", 1));
        StrategyParams p = new StrategyParams(id, params, defaults);
        return new VotingStrategy(id, p, edt(p), count(p), context);
      }
      case DEEPCONF -> {
        samplingDefaults(defaults, 16);
        defaults.putAll(Map.of("keep", 0.1, "window", 2048, "score", "bottom10"));
        StrategyParams p = new StrategyParams(id, params, defaults);
        count(p);
        return new DeepConfStrategy(p, sampling(p), context);
      }
      default -> throw new IllegalArgumentException(
          "unknown strategy '" + id + "'; known: " + String.join(", ", ids()));
    }
  }

  private static void samplingDefaults(Map<String, Object> defaults, int n) {
    defaults.putAll(Map.of("temperature", 0.8, "top-p", 0.95, "top-k", 0, "min-p", 0.0, "n", n));
  }

  private static Decoding sampling(StrategyParams p) {
    try {
      return new Decoding(p.number("temperature"), p.number("top-p"), p.integer("top-k"), p.number("min-p"), null,
          maxTokens(p));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("strategy '" + p.strategy() + "': " + e.getMessage(), e);
    }
  }

  private static Decoding edt(StrategyParams p) {
    var t = new Decoding.EntropyAdaptiveTemperature(
        p.number("t0"), p.number("base"), p.number("theta"), p.number("min-temperature"));
    p.require(t.t0() > 0, "t0", "a number > 0");
    p.require(t.base() > 0, "base", "a number > 0");
    return new Decoding(t.t0(), 1, 0, 0, t, maxTokens(p));
  }

  private static int count(StrategyParams p) {
    int n = p.integer("n");
    p.require(n >= 1, "n", "an integer >= 1");
    return n;
  }

  private static int maxTokens(StrategyParams p) {
    int m = p.integer("max-tokens");
    p.require(m >= 1, "max-tokens", "an integer >= 1");
    return m;
  }
}
