package org.entropyharness.format;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.entropyharness.format.PickleMachine.Global;
import org.entropyharness.format.PickleMachine.Tuple;
import org.entropyharness.guard.Limits;

/**
 * Safe questions about unpickled values. A pickle can make a list that contains itself; printing or hashing such a
 * value recurses without end, so messages describe values by kind and size only, and dict keys must be hashable the
 * way Python requires (no lists or dicts inside), which keeps every hash finite.
 */
final class PickleValues {
  private PickleValues() {}

  /** A short description that never walks into the value: {@code a list of 3}, {@code the text 'abc'}. */
  static String describe(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String s) {
      return "the text '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }
    if (value instanceof Long || value instanceof BigInteger || value instanceof Double || value instanceof Boolean) {
      String text = value.toString();
      return "the number " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
    if (value instanceof Tuple t) {
      return "a tuple of " + t.items().size();
    }
    if (value instanceof List<?> l) {
      return "a list of " + l.size();
    }
    if (value instanceof Map<?, ?> m) {
      return "a dict of " + m.size();
    }
    if (value instanceof Global g) {
      return "the global " + g.qualified();
    }
    return "a " + value.getClass().getSimpleName();
  }

  /** Whether a value may be a dict key: no list or dict anywhere inside, and nested no deeper than the limit. */
  static boolean hashable(Object value) {
    return hashable(value, 0);
  }

  private static boolean hashable(Object value, int depth) {
    if (depth > Limits.PICKLE_DEPTH) {
      return false;
    }
    if (value instanceof Tuple t) {
      return t.items().stream().allMatch(item -> hashable(item, depth + 1));
    }
    return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Global;
  }

  /** A non-negative integer that fits in a long, or -1 when the value is anything else. */
  static long count(Object value) {
    if (value instanceof Long l) {
      return l >= 0 ? l : -1;
    }
    if (value instanceof BigInteger b) {
      return b.signum() >= 0 && b.bitLength() < Long.SIZE ? b.longValue() : -1;
    }
    return -1;
  }
}
