package org.entropyharness.method.reasoning;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.entropyharness.guard.ExactNumbers;

/** A strategy's parameters: the suite's values over the strategy's defaults, with unknown keys rejected. */
public final class StrategyParams {
  private final String strategy;
  private final Map<String, Object> values;

  /**
   * Merges {@code given} over {@code defaults}.
   *
   * @throws IllegalArgumentException naming a key that is not among the defaults, and the allowed keys
   */
  public StrategyParams(String strategy, Map<String, ?> given, Map<String, ?> defaults) {
    this.strategy = strategy;
    Map<String, Object> merged = new TreeMap<>(defaults);
    for (Map.Entry<String, ?> e : given.entrySet()) {
      if (!defaults.containsKey(e.getKey())) {
        throw new IllegalArgumentException("strategy '" + strategy + "': unknown parameter '" + e.getKey()
            + "'; allowed: " + String.join(", ", new TreeMap<>(defaults).keySet()));
      }
      merged.put(e.getKey(), e.getValue());
    }
    this.values = Collections.unmodifiableMap(merged);
  }

  /** The strategy id these parameters belong to. */
  public String strategy() {
    return strategy;
  }

  /** All parameters with defaults filled in, sorted by key (for records and fingerprints). */
  public Map<String, Object> resolved() {
    return values;
  }

  /** A number parameter. */
  public double number(String key) {
    Object v = values.get(key);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw bad(key, "a number", v);
  }

  /** An integer parameter. */
  public int integer(String key) {
    Object v = values.get(key);
    // exactly, never narrowed: n = 2^32 + 2 is not 2
    return ExactNumbers.toInt(v).orElseThrow(() -> bad(key, "an integer that fits in 32 bits", v));
  }

  /** A text parameter. */
  public String text(String key) {
    Object v = values.get(key);
    if (v instanceof String s) {
      return s;
    }
    throw bad(key, "a string", v);
  }

  /** Fails unless {@code ok}, naming the key, its value and what is allowed. */
  public void require(boolean ok, String key, String allowed) {
    if (!ok) {
      throw bad(key, allowed, values.get(key));
    }
  }

  private IllegalArgumentException bad(String key, String expected, Object found) {
    return new IllegalArgumentException(
        "strategy '" + strategy + "': parameter '" + key + "' must be " + expected + ", found '" + found + "'");
  }
}
