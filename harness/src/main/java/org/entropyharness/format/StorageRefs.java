package org.entropyharness.format;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.format.PickleMachine.Global;
import org.entropyharness.format.PickleMachine.Tuple;
import org.entropyharness.guard.Limits;

/**
 * The storages a checkpoint's pickle names by persistent id {@code ('storage', type, key, location, numel[, view])}.
 * Each id must be a flat tuple of plain values (a cyclic or nested id is refused before anything prints or hashes
 * it), and the storages together may declare at most {@link Limits#CHECKPOINT_ELEMENTS} elements: a file of a few
 * hundred bytes that declares a billion elements is refused before any array is allocated.
 */
final class StorageRefs {
  private final String source;
  private final Map<String, StorageRef> byKey = new LinkedHashMap<>();
  private long declared;

  StorageRefs(String source) {
    this.source = source;
  }

  /** The persistent-load function of the pickle machine: an id to its storage (the same key, the same storage). */
  Object resolve(Object id) {
    if (!(id instanceof Tuple tuple) || tuple.items().size() < 5 || !"storage".equals(tuple.items().get(0))) {
      throw new IllegalArgumentException("persistent id " + PickleValues.describe(id) + " is not a storage");
    }
    List<Object> items = tuple.items();
    if (!(items.get(2) instanceof String key) || !(items.get(1) instanceof Global || items.get(1) instanceof String)) {
      throw new IllegalArgumentException("persistent id names its storage with " + PickleValues.describe(items.get(2))
          + " and " + PickleValues.describe(items.get(1)));
    }
    String type = items.get(1) instanceof Global g ? g.name() : (String) items.get(1);
    long numel = PickleValues.count(items.get(4));
    StorageRef known = byKey.get(key);
    if (known != null) {
      if (known.numel() != numel || !known.type().equals(type)) {
        throw new IllegalArgumentException("storage '" + key + "' is declared twice with different sizes or types");
      }
      return known;
    }
    if (numel < 0 || numel > Limits.CHECKPOINT_ELEMENTS - declared) {
      throw new IllegalArgumentException("storage '" + key + "' declares " + PickleValues.describe(items.get(4))
          + " elements; a checkpoint may hold at most " + Limits.CHECKPOINT_ELEMENTS + " in all (docs/limits.md)");
    }
    declared += numel;
    StorageRef ref = new StorageRef(key, type, numel);
    byKey.put(key, ref);
    return ref;
  }

  /** The storage with a key, or null. */
  StorageRef get(String key) {
    return byKey.get(key);
  }

  /** Every storage in the order the pickle named them. */
  Collection<StorageRef> all() {
    return byKey.values();
  }

  String source() {
    return source;
  }
}
