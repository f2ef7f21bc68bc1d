package org.entropyharness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.entropyharness.guard.ExactNumbers;
import org.entropyharness.guard.InputFiles;

/**
 * A mapping section of a suite file (dataset, model, protocol, a method's parameters) with typed getters whose
 * errors point at the key. Immutable: the tree is copied in and never handed out.
 */
public final class Params {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final YamlDocument doc;
  private final String pointer;
  private final ObjectNode values;

  Params(YamlDocument doc, String pointer, JsonNode node) {
    this.doc = doc;
    this.pointer = pointer;
    this.values = node != null && node.isObject() ? ((ObjectNode) node).deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  /** Parameters built in code (Java-declared suites, tests); positions then point at the given file. */
  public static Params of(Path origin, Map<String, ?> values) {
    return new Params(YamlDocument.parse(origin, "{}"), "", JSON.valueToTree(values));
  }

  /** The same section with one key set to a text value (a glob expanded to one file), positions unchanged. */
  public Params with(String key, String value) {
    ObjectNode copy = values.deepCopy();
    copy.put(key, value);
    return new Params(doc, pointer, copy);
  }

  /** The same section without some keys (the model axis keys, kept out of a model's fingerprint section). */
  public Params without(String... keys) {
    ObjectNode copy = values.deepCopy();
    for (String key : keys) {
      copy.remove(key);
    }
    return new Params(doc, pointer, copy);
  }

  /** A nested mapping (empty when absent). */
  public Params child(String key) {
    return new Params(doc, pointer + "/" + key, values.get(key));
  }

  public boolean has(String key) {
    return values.has(key);
  }

  public String string(String key, String fallback) {
    return has(key) ? values.get(key).asText() : fallback;
  }

  /**
   * An integer, exactly: a value that is not an integer or does not fit in 64 bits is an error at the key, never
   * narrowed (the schema states each key's range; this is the last line behind it).
   */
  public long integer(String key, long fallback) {
    return has(key) ? exact(key, values.get(key)) : fallback;
  }

  private long exact(String key, JsonNode node) {
    return ExactNumbers.toLong(node.isNumber() ? node.numberValue() : null)
        .orElseThrow(() -> error(key, "found " + SuiteSchema.show(node) + "; expected an integer from "
            + Long.MIN_VALUE + " to " + Long.MAX_VALUE));
  }

  public double number(String key, double fallback) {
    return has(key) ? values.get(key).asDouble() : fallback;
  }

  public boolean bool(String key, boolean fallback) {
    return has(key) ? values.get(key).asBoolean() : fallback;
  }

  /** A list of integers, or the fallback when the key is absent. */
  public List<Long> integers(String key, List<Long> fallback) {
    if (!has(key) || !values.get(key).isArray()) {
      return fallback;
    }
    List<Long> out = new ArrayList<>();
    values.get(key).forEach(n -> out.add(exact(key, n)));
    return List.copyOf(out);
  }

  /** A list of strings; a single string is a list of one. */
  public List<String> strings(String key, List<String> fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode node = values.get(key);
    if (!node.isArray()) {
      return List.of(node.asText());
    }
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  /**
   * A path resolved against the suite file's folder that is what its key names ({@link PathKeys}): a regular,
   * readable file of at most its kind's size, or a folder. Anything else is an error at the key that shows the
   * resolved path: a missing path, a folder where a file belongs, {@code /dev/zero}, a FIFO.
   */
  public Path existingPath(String key) {
    Path resolved = path(key).orElseThrow(() -> error(key, "missing; give a path relative to the suite file"));
    if (!Files.exists(resolved)) {
      throw error(key, "'" + values.get(key).asText() + "' resolves to " + resolved + ", which does not exist; fix the path (relative to the suite file's folder)");
    }
    boolean folder = PathKeys.isFolder(key) || PathKeys.isFileOrFolder(key) && Files.isDirectory(resolved);
    Optional<String> problem = folder ? InputFiles.folderProblem(resolved, "folder of the " + key + " files")
        : InputFiles.problem(resolved, PathKeys.kindOf(key));
    problem.ifPresent(p -> {
      throw error(key, "'" + values.get(key).asText() + "' resolves to " + resolved + ", " + p);
    });
    return resolved;
  }

  /** A path relative to the suite file's folder, resolved. */
  public Path resolve(String relative) {
    return doc.file().toAbsolutePath().getParent().resolve(relative).normalize();
  }

  /** A path resolved against the suite file's folder, if the key is present. */
  public Optional<Path> path(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    Path dir = doc.file().toAbsolutePath().getParent();
    return Optional.of(dir.resolve(values.get(key).asText()).normalize());
  }

  /** Where a key's value is in the suite file. */
  public SourcePosition position(String key) {
    return doc.valuePosition(pointer + "/" + key);
  }

  /** A located error about one key. */
  public SuiteException error(String key, String problem) {
    return new SuiteException(has(key) ? position(key) : doc.valuePosition(pointer), key + ": " + problem);
  }

  /** The values as plain Java maps, lists, strings, numbers and booleans, in file order. */
  public Map<String, Object> asMap() {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = JSON.convertValue(values, LinkedHashMap.class);
    return java.util.Collections.unmodifiableMap(map);
  }

  /** Canonical JSON (keys sorted), for fingerprints and the params column. */
  public String canonicalJson() {
    try {
      return JSON.writeValueAsString(new TreeMap<>(asMap()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params p && values.equals(p.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
