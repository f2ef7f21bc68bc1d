package org.entropyharness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a suite file: YAML with positions, the JSON schema, then the rules a schema cannot say (unique method labels,
 * gates naming measured metrics and declared methods, method parameters known to the method registries).
 */
public final class SuiteLoader {
  private final FamilyCatalog catalog;

  public SuiteLoader(FamilyCatalog catalog) {
    this.catalog = catalog;
  }

  /** Loads and validates; every problem is a {@link SuiteException} naming file:line:column. */
  public SuiteSpec load(Path file) {
    YamlDocument doc = YamlDocument.read(file);
    SuiteSchema.instance().check(doc);
    return bind(doc);
  }

  private SuiteSpec bind(YamlDocument doc) {
    JsonNode root = doc.root();
    String family = root.get("family").asText();
    Params top = new Params(doc, "", root);
    List<String> defaults = catalog.defaultMetrics(family).orElseThrow(
        () -> top.error("family", "'" + family + "' is not a family this harness knows"));
    List<MethodSpec> methods = methods(doc, family);
    List<ModelSpec> models = ModelAxis.read(doc);
    List<String> metrics = top.strings("metrics", defaults);
    GateTargets targets = new GateTargets(catalog, family, new Params(doc, "/dataset", root.get("dataset")), methods);
    List<GateSpec> gates = gates(doc, metrics, methods, top.integers("seeds", List.of(1L)).size(), targets);
    return new SuiteSpec(
        doc.file(),
        sha256(doc.file()),
        root.get("suite").asText(),
        (int) top.integer("version", 1),
        top.string("description", ""),
        family,
        Tier.fromId(top.string("tier", "smoke")),
        top.integers("seeds", List.of(1L)),
        new Params(doc, "/dataset", root.get("dataset")),
        models,
        base(top, models),
        new Params(doc, "/protocol", root.path("protocol")),
        methods,
        metrics,
        gates);
  }

  private List<MethodSpec> methods(YamlDocument doc, String family) {
    List<MethodSpec> methods = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    JsonNode list = doc.root().get("methods");
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String id = entry.isTextual() ? entry.asText() : entry.fieldNames().next();
      String pointer = "/methods/" + i + (entry.isTextual() ? "" : "/" + id);
      Params raw = new Params(doc, pointer, entry.isTextual() ? null : entry.get(id));
      String label = raw.string("as", id);
      if (!labels.add(label)) {
        throw new SuiteException(
            doc.valuePosition("/methods/" + i),
            id + ": a second method labelled '" + label + "'; give one of them 'as: another-name'");
      }
      Map<String, Object> params = new java.util.LinkedHashMap<>(raw.asMap());
      params.remove("as");
      catalog.check(family, id, params).ifPresent(p -> {
        throw p.key().isEmpty() ? raw.error(id, p.problem()) : raw.error(p.key(), p.problem());
      });
      methods.add(new MethodSpec(id, label, stripAs(doc, pointer, entry.isTextual() ? null : entry.get(id)),
          doc.valuePosition("/methods/" + i)));
    }
    return methods;
  }

  private static Params stripAs(YamlDocument doc, String pointer, JsonNode node) {
    if (node != null && node.isObject() && node.has("as")) {
      JsonNode copy = node.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("as");
      return new Params(doc, pointer, copy);
    }
    return new Params(doc, pointer, node);
  }

  private List<GateSpec> gates(YamlDocument doc, List<String> metrics, List<MethodSpec> methods, int seeds,
      GateTargets targets) {
    List<GateSpec> gates = new ArrayList<>();
    JsonNode list = doc.root().path("gates");
    Set<String> labels = new HashSet<>();
    methods.forEach(m -> labels.add(m.label()));
    for (int i = 0; i < list.size(); i++) {
      Params gate = new Params(doc, "/gates/" + i, list.get(i));
      String metric = gate.string("metric", "");
      boolean seriesMetric = GateSpec.SERIES_METRICS.contains(metric) && metrics.contains("entropy-law");
      if (!metrics.contains(metric) && !seriesMetric) {
        throw gate.error("metric", "'" + metric + "' is not measured by this suite; measured: " + String.join(", ", metrics) + " (add it to 'metrics')");
      }
      List<String> applies = gate.strings("methods", List.of());
      for (String label : applies) {
        if (!labels.contains(label)) {
          throw gate.error("methods", "'" + label + "' is not a method of this suite; methods: " + String.join(", ", labels));
        }
      }
      targets.check(gate, metric, gate.string("slice", GateSpec.ALL), applies);
      boolean overSeeds = gate.string("over", "cell").equals("seeds");
      if (overSeeds && seeds < 2) {
        throw gate.error("over", "a gate over seeds needs a suite with at least two seeds; this one has " + seeds);
      }
      gates.add(
          new GateSpec(
              metric,
              Tolerance.parse(gate.string("worse-by-at-most", "0")),
              gate.number("confidence", 0.95),
              gate.string("slice", GateSpec.ALL),
              applies,
              overSeeds,
              doc.valuePosition("/gates/" + i)));
    }
    return gates;
  }

  private static java.util.Optional<String> base(Params top, List<ModelSpec> models) {
    if (!top.has("base")) {
      return java.util.Optional.empty();
    }
    String base = top.string("base", "");
    if (models.stream().noneMatch(m -> m.label().equals(base))) {
      throw top.error("base", "'" + base + "' is not a model of this suite; models: "
          + String.join(", ", models.stream().map(ModelSpec::label).toList()));
    }
    return java.util.Optional.of(base);
  }

  private static String sha256(Path file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new SuiteException(SourcePosition.startOf(file), "cannot hash the file: " + e);
    }
  }
}
