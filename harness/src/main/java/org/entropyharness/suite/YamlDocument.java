package org.entropyharness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFileException;
import org.entropyharness.guard.InputFiles;
import org.entropyharness.guard.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML file as a JSON tree plus the position of every value and key, keyed by JSON pointer.
 *
 * <p>Loading is safe by construction: the file is only composed into nodes (never constructed into objects), and any
 * type tag outside YAML's core types ({@code !!python/object}, {@code !foo}, ...) is an error. Duplicate keys are
 * errors too, instead of the silent last-one-wins of most loaders.
 */
public final class YamlDocument {
  private static final Set<Tag> CORE_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);

  private final Path file;
  private final JsonNode root;
  private final Map<String, SourcePosition> valuePositions;
  private final Map<String, SourcePosition> keyPositions;

  private YamlDocument(
      Path file, JsonNode root, Map<String, SourcePosition> values, Map<String, SourcePosition> keys) {
    this.file = file;
    this.root = root;
    this.valuePositions = Map.copyOf(values);
    this.keyPositions = Map.copyOf(keys);
  }

  /**
   * Reads and composes a YAML file; a path that is not a regular file of at most {@link Limits#SUITE_BYTES}, text that
   * is not UTF-8, syntax errors, tags, duplicate keys and documents beyond the {@link YamlBudget} become a
   * {@link SuiteException}.
   */
  public static YamlDocument read(Path file) {
    String text;
    try {
      text = InputFiles.readUtf8(file, FileKind.SUITE);
    } catch (InputFileException e) {
      throw new SuiteException(new SourcePosition(file, e.line(), e.column()), e.problem());
    } catch (IOException e) {
      throw new SuiteException(SourcePosition.startOf(file), "cannot read the file (" + e.getClass().getSimpleName()
          + "); check the path");
    }
    return parse(file, text);
  }

  /** Composes YAML text that came from {@code file}, within the same budget as {@link #read}. */
  public static YamlDocument parse(Path file, String text) {
    if (text.length() > Limits.SUITE_BYTES) {
      throw new SuiteException(SourcePosition.startOf(file), "the text has " + text.length() + " characters, more than"
          + " the " + Limits.SUITE_BYTES + " a suite file may have (docs/limits.md)");
    }
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file.toString())
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(Limits.YAML_COLLECTION_ALIASES)
            .setCodePointLimit((int) Limits.SUITE_BYTES + 1)
            .setUseMarks(true)
            .build();
    Optional<Node> node;
    try {
      YamlBudget.check(file, text, settings);
      node = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      throw syntaxError(file, e);
    } catch (SuiteException e) {
      throw e;
    } catch (ReaderException e) {
      throw new SuiteException(at(file, text, e.getPosition()), String.format("character U+%04X is not allowed in"
          + " YAML; remove it", e.getCodePoint()));
    } catch (RuntimeException e) {
      throw new SuiteException(SourcePosition.startOf(file), "not valid YAML: " + oneLine(e.getMessage()));
    }
    if (node.isEmpty()) {
      throw new SuiteException(SourcePosition.startOf(file), "the file is empty; a suite needs at least 'suite:'");
    }
    Converter converter = new Converter(file);
    JsonNode root = converter.convert(node.get(), "");
    return new YamlDocument(file, root, converter.values, converter.keys);
  }

  public Path file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** Position of the value at a JSON pointer, or of its nearest parent that has one. */
  public SourcePosition valuePosition(String pointer) {
    String p = pointer;
    while (true) {
      SourcePosition at = valuePositions.get(p);
      if (at != null || p.isEmpty()) {
        return at != null ? at : SourcePosition.startOf(file);
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Position of a mapping key at a JSON pointer (falls back to its value's position). */
  public SourcePosition keyPosition(String pointer) {
    SourcePosition at = keyPositions.get(pointer);
    return at != null ? at : valuePosition(pointer);
  }

  /** The line and column of a code-point index of the text. */
  private static SourcePosition at(Path file, String text, int codePoint) {
    int line = 1;
    int column = 1;
    for (int i = 0, cp = 0; i < text.length() && cp < codePoint; i += Character.charCount(text.codePointAt(i)), cp++) {
      boolean newline = text.charAt(i) == '\n';
      line += newline ? 1 : 0;
      column = newline ? 1 : column + 1;
    }
    return new SourcePosition(file, line, column);
  }

  private static SuiteException syntaxError(Path file, MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    SourcePosition at =
        mark.map(m -> new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1))
            .orElse(SourcePosition.startOf(file));
    String problem = e.getProblem() == null ? oneLine(e.getMessage()) : e.getProblem();
    String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
    return new SuiteException(at, "YAML syntax: " + problem + context + "; fix the YAML at this position");
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").strip();
  }

  /** Walks composed nodes into Jackson nodes, recording positions. */
  private static final class Converter {
    private final Path file;
    private final Map<String, SourcePosition> values = new HashMap<>();
    private final Map<String, SourcePosition> keys = new HashMap<>();

    Converter(Path file) {
      this.file = file;
    }

    JsonNode convert(Node node, String pointer) {
      SourcePosition at = position(node);
      values.put(pointer, at);
      if (!CORE_TAGS.contains(node.getTag())) {
        throw new SuiteException(
            at, "type tag '" + node.getTag().getValue() + "' is not allowed; suites hold plain values only, remove the tag");
      }
      if (node instanceof MappingNode mapping) {
        return mapping(mapping, pointer);
      }
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Node item : sequence.getValue()) {
          array.add(convert(item, pointer + "/" + array.size()));
        }
        return array;
      }
      return scalar((ScalarNode) node, at, pointer.isEmpty() ? "" : SuiteSchema.dotted(pointer) + ": ");
    }

    private ObjectNode mapping(MappingNode mapping, String pointer) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        SourcePosition keyAt = position(keyNode);
        if (!(keyNode instanceof ScalarNode key)) {
          throw new SuiteException(keyAt, "a key must be a plain word; found a " + keyNode.getNodeType());
        }
        String name = key.getValue();
        if (name.length() > Limits.YAML_KEY_CHARS) {
          throw new SuiteException(keyAt, "a key of " + name.length() + " characters; keys are words of at most "
              + Limits.YAML_KEY_CHARS + " characters (docs/limits.md)");
        }
        String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
        if (object.has(name)) {
          throw new SuiteException(keyAt, name + ": duplicate key; keep one of the two");
        }
        keys.put(child, keyAt);
        object.set(name, convert(tuple.getValueNode(), child));
      }
      return object;
    }

    private JsonNode scalar(ScalarNode scalar, SourcePosition at, String key) {
      String v = scalar.getValue();
      Tag tag = scalar.getTag();
      JsonNodeFactory f = JsonNodeFactory.instance;
      try {
        if (tag.equals(Tag.INT)) {
          BigInteger big = parseInt(v);
          return big.bitLength() < 63 ? f.numberNode(big.longValue()) : f.numberNode(big);
        }
        if (tag.equals(Tag.FLOAT)) {
          double d = parseFloat(v);
          if (!Double.isFinite(d)) {
            throw new SuiteException(at, key + "'" + v + "' is not a finite number; suites take finite numbers only, such as"
                + " 0.5 or 1e-3");
          }
          return new FloatLiteralNode(d, v);
        }
      } catch (NumberFormatException e) {
        throw new SuiteException(at, key + "'" + v + "' is not a number; write it as 12, -3 or 1.5e-3");
      }
      if (tag.equals(Tag.BOOL)) {
        return f.booleanNode(v.equalsIgnoreCase("true"));
      }
      if (tag.equals(Tag.NULL)) {
        return f.nullNode();
      }
      return f.textNode(v);
    }

    private static BigInteger parseInt(String v) {
      String s = v.replace("_", "");
      if (s.startsWith("0x")) {
        return new BigInteger(s.substring(2), 16);
      }
      if (s.startsWith("0o")) {
        return new BigInteger(s.substring(2), 8);
      }
      return new BigInteger(s.startsWith("+") ? s.substring(1) : s);
    }

    private static double parseFloat(String v) {
      return switch (v.toLowerCase()) {
        case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
        case "-.inf" -> Double.NEGATIVE_INFINITY;
        case ".nan" -> Double.NaN;
        default -> Double.parseDouble(v);
      };
    }

    private SourcePosition position(Node node) {
      return node.getStartMark()
          .map(m -> new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1))
          .orElse(SourcePosition.startOf(file));
    }
  }
}
