package org.entropyharness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a suite's models: a single {@code model:} section, or a {@code models:} list whose entries may expand into a
 * checkpoint series — a {@code weights} (or {@code checkpoint}) glob gives one model per matching file, with the step
 * read from the file name; a {@code names} list gives one served model per name, with {@code steps} beside it.
 */
final class ModelAxis {
  static final List<String> AXIS_KEYS = List.of("label", "series", "step", "names", "steps");
  private static final List<String> FILE_KEYS = List.of("weights", "checkpoint", "module");
  private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)(?!.*\\d)");

  private ModelAxis() {}

  static List<ModelSpec> read(YamlDocument doc) {
    JsonNode root = doc.root();
    List<ModelSpec> models = new ArrayList<>();
    if (root.has("model") && root.has("models")) {
      throw new SuiteException(doc.valuePosition("/models"), "models: give either model: (one model) or models: (several),"
          + " not both");
    }
    if (!root.has("model") && !root.has("models")) {
      throw new SuiteException(SourcePosition.startOf(doc.file()), "model: missing; give a model: section (or models:"
          + " for several)");
    }
    if (root.has("model")) {
      Params section = new Params(doc, "/model", root.get("model"));
      models.add(new ModelSpec(section.string("label", section.string("name", section.string("backend", "model"))),
          Optional.ofNullable(section.has("series") ? section.string("series", null) : null),
          section.has("step") ? Optional.of(section.integer("step", 0)) : Optional.empty(),
          section.without(AXIS_KEYS.toArray(String[]::new)), doc.valuePosition("/model")));
      return models;
    }
    JsonNode list = root.get("models");
    for (int i = 0; i < list.size(); i++) {
      models.addAll(entry(doc, i));
    }
    Set<String> labels = new HashSet<>();
    for (ModelSpec m : models) {
      if (!labels.add(m.label())) {
        throw new SuiteException(m.position(), "label: a second model labelled '" + m.label()
            + "'; labels must be unique (a series' checkpoints are labelled <series>-step<step>)");
      }
    }
    return models;
  }

  private static List<ModelSpec> entry(YamlDocument doc, int index) {
    String pointer = "/models/" + index;
    Params entry = new Params(doc, pointer, doc.root().get("models").get(index));
    SourcePosition at = doc.valuePosition(pointer);
    Params section = entry.without(AXIS_KEYS.toArray(String[]::new));
    Optional<String> glob = FILE_KEYS.stream().filter(k -> entry.has(k) && isGlob(entry.string(k, ""))).findFirst();
    if (glob.isPresent()) {
      return expandFiles(entry, section, glob.get(), at);
    }
    if (entry.has("names")) {
      return expandNames(entry, section, at);
    }
    if (!entry.has("label")) {
      throw entry.error("label", "missing; give each model a label (or a weights glob with a series)");
    }
    return List.of(new ModelSpec(entry.string("label", ""), Optional.ofNullable(entry.string("series", null)),
        entry.has("step") ? Optional.of(entry.integer("step", 0)) : Optional.empty(), section, at));
  }

  private static List<ModelSpec> expandFiles(Params entry, Params section, String key, SourcePosition at) {
    String series = series(entry, key);
    String pattern = entry.string(key, "");
    Path resolved = entry.resolve(pattern);
    Path dir = resolved.getParent();
    if (dir == null || isGlob(dir.toString())) {
      throw entry.error(key, "'" + pattern + "': only the file name may hold a glob (e.g. ckpts/step-*.bin)");
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + resolved.getFileName());
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> matcher.matches(p.getFileName()) && Files.isRegularFile(p)).toList();
    } catch (IOException e) {
      throw entry.error(key, "'" + pattern + "': cannot list " + dir + " (" + e.getMessage() + ")");
    }
    if (files.isEmpty()) {
      throw entry.error(key, "'" + pattern + "' matches no file in " + dir + "; fix the glob");
    }
    List<ModelSpec> models = new ArrayList<>();
    for (Path file : files) {
      long step = stepOf(entry, key, file);
      String relative = entry.resolve(".").relativize(file).toString();
      models.add(new ModelSpec(series + "-step" + step, Optional.of(series), Optional.of(step),
          section.with(key, relative), at));
    }
    models.sort(Comparator.comparingLong(m -> m.step().orElseThrow()));
    return models;
  }

  private static List<ModelSpec> expandNames(Params entry, Params section, SourcePosition at) {
    String series = series(entry, "names");
    List<String> names = entry.strings("names", List.of());
    List<Long> steps = entry.integers("steps", List.of());
    if (!steps.isEmpty() && steps.size() != names.size()) {
      throw entry.error("steps", steps.size() + " steps for " + names.size() + " names; give one step per name");
    }
    List<ModelSpec> models = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Optional<Long> step = steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(i));
      String label = step.map(s -> series + "-step" + s).orElse(series + "-" + names.get(i));
      models.add(new ModelSpec(label, Optional.of(series), step, section.with("name", names.get(i)), at));
    }
    return models;
  }

  private static String series(Params entry, String key) {
    if (!entry.has("series")) {
      throw entry.error(key, "expands into several models: give them a 'series' name");
    }
    if (entry.has("label") || entry.has("step")) {
      throw entry.error(entry.has("label") ? "label" : "step", "not allowed beside a series that expands; each"
          + " checkpoint is labelled <series>-step<step>");
    }
    return entry.string("series", "");
  }

  private static long stepOf(Params entry, String key, Path file) {
    String name = file.getFileName().toString();
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    Matcher m = LAST_NUMBER.matcher(stem);
    if (!m.find() || m.group(1).length() > 18) {
      throw entry.error(key, "'" + name + "' has no step number in its name (e.g. step-0200.bin); rename it");
    }
    return Long.parseLong(m.group(1));
  }

  private static boolean isGlob(String text) {
    return text.contains("*") || text.contains("?") || text.contains("[") || text.contains("{");
  }
}
