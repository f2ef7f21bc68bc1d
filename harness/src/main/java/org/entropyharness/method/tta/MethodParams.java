package org.entropyharness.method.tta;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.entropyharness.guard.ExactNumbers;

/**
 * A method's parameters: its defaults overridden by the caller's values, each checked against the default's type.
 * Numbers may be given as any numeric type; text and booleans must match exactly.
 */
final class MethodParams {
  private final String method;
  private final Map<String, Object> values;

  private MethodParams(String method, Map<String, Object> values) {
    this.method = method;
    this.values = values;
  }

  /**
   * Merges {@code given} over {@code defaults}.
   *
   * @throws IllegalArgumentException naming an unknown key (with the allowed keys) or a value of the wrong type
   */
  static MethodParams merge(String method, Map<String, Object> defaults, Map<String, Object> given) {
    Map<String, Object> merged = new LinkedHashMap<>(defaults);
    for (var entry : given.entrySet()) {
      String key = entry.getKey();
      Object def = defaults.get(key);
      if (def == null) {
        throw new IllegalArgumentException("method '" + method + "': unknown parameter '" + key
            + "'; allowed: " + String.join(", ", new TreeSet<>(defaults.keySet())));
      }
      merged.put(key, checkType(method, key, def, entry.getValue()));
    }
    return new MethodParams(method, merged);
  }

  private static Object checkType(String method, String key, Object def, Object value) {
    if (def instanceof Number && value instanceof Number number) {
      if (def instanceof Integer) {
        // exactly, never narrowed: a value beyond 32 bits is refused, not wrapped
        return ExactNumbers.toInt(number).orElseThrow(() -> wrongType(method, key, def, value));
      }
      if (!Double.isFinite(number.doubleValue())) {
        throw wrongType(method, key, def, value);
      }
      return number.doubleValue();
    }
    if (value != null && def.getClass().equals(value.getClass())) {
      return value;
    }
    throw wrongType(method, key, def, value);
  }

  private static IllegalArgumentException wrongType(String method, String key, Object def, Object value) {
    String found = value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    return new IllegalArgumentException("method '" + method + "': parameter '" + key + "' must be "
        + typeName(def) + " (default " + def + "), found " + found);
  }

  private static String typeName(Object def) {
    if (def instanceof Integer) {
      return "an integer that fits in 32 bits";
    }
    return def instanceof Number ? "a number" : def instanceof Boolean ? "true or false" : "text";
  }

  double number(String key) {
    return ((Number) require(key)).doubleValue();
  }

  int integer(String key) {
    return ((Number) require(key)).intValue();
  }

  String string(String key) {
    return (String) require(key);
  }

  /** All values, defaults included, for provenance. */
  Map<String, Object> asMap() {
    return Map.copyOf(values);
  }

  private Object require(String key) {
    Object value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("method '" + method + "' reads undeclared parameter '" + key + "'");
    }
    return value;
  }
}
