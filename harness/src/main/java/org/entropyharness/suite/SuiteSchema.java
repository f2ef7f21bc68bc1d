package org.entropyharness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.entropyharness.guard.Printable;

/**
 * The suite file schema ({@code suite.schema.json}, JSON Schema 2020-12) and the translation of its violations into
 * located, human messages. The schema is the single documented definition of the keys; see {@code docs/suites.md}.
 */
public final class SuiteSchema {
  /** Class-path location of the schema, also copied to {@code docs/suite.schema.json}. */
  public static final String RESOURCE = "/org/entropyharness/suite/suite.schema.json";

  private static final SuiteSchema INSTANCE = new SuiteSchema();
  private static final int SHOWN = 80;

  private final JsonNode schemaTree;
  private final JsonSchema schema;

  private SuiteSchema() {
    try (InputStream in = SuiteSchema.class.getResourceAsStream(RESOURCE)) {
      schemaTree = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the suite schema is missing from the harness jar", e);
    }
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
  }

  public static SuiteSchema instance() {
    return INSTANCE;
  }

  /** The schema as JSON. */
  public JsonNode tree() {
    return schemaTree;
  }

  /** Validates a document; throws for the first violation in document order. */
  public void check(YamlDocument doc) {
    Set<ValidationMessage> errors = schema.validate(doc.root());
    if (errors.isEmpty()) {
      return;
    }
    List<Located> located = new ArrayList<>();
    for (ValidationMessage error : errors) {
      located.add(locate(doc, error));
    }
    located.sort(
        Comparator.comparingInt((Located l) -> l.position().line())
            .thenComparingInt(l -> l.position().column())
            .thenComparingInt(Located::rank));
    Located first = located.get(0);
    List<Located> here = located.stream().filter(l -> l.position().equals(first.position())).toList();
    String problem = first.rank() == UNKNOWN_KEY ? first.problem()
        : first.rank() == REQUIRED ? missingKeys(here) : alternatives(here);
    throw new SuiteException(first.position(), problem);
  }

  /**
   * Alternatives (anyOf / oneOf) report one violation per branch at the same place: say them together. A wrong type
   * is said alone: the range of a value of the wrong type says nothing more.
   */
  private static String alternatives(List<Located> here) {
    if (here.stream().anyMatch(l -> l.rank() == TYPE) && here.stream().anyMatch(l -> l.rank() > TYPE)) {
      return here.stream().filter(l -> l.rank() == TYPE).findFirst().orElseThrow().problem();
    }
    return here.stream().map(Located::problem).distinct()
        .reduce((a, b) -> a + "; or " + b.substring(b.indexOf(';') + 2)).orElseThrow();
  }

  /** Several required keys missing from one mapping: name them all in one line. */
  private static String missingKeys(List<Located> here) {
    List<String> keys = here.stream().filter(l -> l.rank() == REQUIRED).map(Located::key).distinct().toList();
    String where = here.get(0).problem().substring(0, here.get(0).problem().indexOf(": missing"));
    return keys.size() == 1 ? here.get(0).problem()
        : where + ": missing required keys " + keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
            + "; add them";
  }

  private static final int UNKNOWN_KEY = 0;
  private static final int REQUIRED = 1;
  private static final int TYPE = 3;

  private record Located(SourcePosition position, String problem, int rank, String key) {
    Located(SourcePosition position, String problem, int rank) {
      this(position, problem, rank, "");
    }
  }

  private Located locate(YamlDocument doc, ValidationMessage error) {
    String pointer = pointer(error.getInstanceLocation());
    String key = pointer.isEmpty() ? "(top level)" : dotted(pointer);
    String where = pointer.isEmpty() ? "the top level" : "'" + pointer.substring(1).replace('/', '.') + "'";
    JsonNode found = error.getInstanceNode();
    JsonNode rule = ruleNode(error);
    return switch (error.getType()) {
      case "additionalProperties" -> {
        String name = error.getProperty();
        yield new Located(
            doc.keyPosition(pointer + "/" + name),
            name + ": unknown key in " + where + "; allowed: " + allowedKeys(error),
            0);
      }
      case "required" ->
          new Located(
              doc.valuePosition(pointer),
              key + ": missing required key '" + error.getProperty() + "'; add it",
              REQUIRED, error.getProperty());
      case "enum", "const" ->
          new Located(
              doc.valuePosition(pointer),
              key + ": found " + show(found) + "; allowed: " + listed(rule),
              2);
      case "type" ->
          new Located(
              doc.valuePosition(pointer),
              key + ": found " + show(found) + "; expected " + typeList(rule),
              TYPE);
      case "propertyNames" ->
          new Located(
              doc.valuePosition(pointer),
              key + ": unknown name '" + propertyName(error) + "'; allowed: " + enumerationIn(error.getMessage()),
              2);
      default ->
          new Located(doc.valuePosition(pointer), key + ": found " + show(found) + "; " + stripPath(error.getMessage()), 9);
    };
  }

  private JsonNode ruleNode(ValidationMessage error) {
    JsonNode node = error.getSchemaNode();
    return node == null ? com.fasterxml.jackson.databind.node.NullNode.instance : node;
  }

  private String allowedKeys(ValidationMessage error) {
    String fragment = error.getSchemaLocation().getFragment().toString();
    String parent = fragment.replaceFirst("/additionalProperties$", "");
    JsonNode properties = schemaTree.at(parent.startsWith("#") ? parent.substring(1) : parent).path("properties");
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  /** {@code /dataset/severities/1} as {@code dataset.severities[1]}. */
  static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.substring(1).split("/")) {
      if (part.matches("[0-9]+")) {
        sb.append('[').append(part).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }

  private static String propertyName(ValidationMessage error) {
    if (error.getProperty() != null) {
      return error.getProperty();
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("property '([^']*)'").matcher(error.getMessage());
    return m.find() ? m.group(1) : "?";
  }

  private static String enumerationIn(String message) {
    int at = message.indexOf("enumeration [");
    return at < 0 ? stripPath(message) : message.substring(at + 13, message.lastIndexOf(']')).replace("\"", "");
  }

  static String pointer(JsonNodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private static String listed(JsonNode rule) {
    if (rule.isArray()) {
      List<String> values = new ArrayList<>();
      rule.forEach(v -> values.add(v.asText()));
      return String.join(", ", values);
    }
    return rule.asText();
  }

  private static String typeList(JsonNode rule) {
    if (rule.isArray()) {
      List<String> values = new ArrayList<>();
      rule.forEach(v -> values.add(v.asText()));
      return String.join(" or ", values);
    }
    return rule.asText();
  }

  static String show(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isContainerNode()) {
      Iterator<String> names = node.fieldNames();
      List<String> keys = new ArrayList<>();
      names.forEachRemaining(keys::add);
      return node.isArray() ? "a list of " + node.size() : "a mapping {" + keys.stream().collect(Collectors.joining(", ")) + "}";
    }
    String text = node.isTextual() ? node.asText() : node.toString();
    // a value from the file, shown in a one-line message: escaped, and cut when long
    text = Printable.escape(text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text);
    return node.isTextual() ? "'" + text + "'" : text;
  }

  private static String stripPath(String message) {
    return message.replaceFirst("^\\$[^:]*: ", "");
  }
}
