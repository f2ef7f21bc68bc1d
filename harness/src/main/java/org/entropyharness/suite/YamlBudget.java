package org.entropyharness.suite;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.guard.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * The resource budget of a YAML document ({@link Limits#YAML_DEPTH}, {@link Limits#YAML_NODES}), checked on the
 * parser's event stream before anything is composed: the events hold no tree, so a file of 20,000 nested brackets or a
 * billion-laughs chain of aliases is refused in milliseconds instead of overflowing the stack or filling the heap.
 * Values are counted as they would be after alias expansion: an alias counts every value of what it names.
 */
final class YamlBudget {
  private final Path file;
  private final Map<String, Long> anchoredSizes = new HashMap<>();
  private final Deque<Open> open = new ArrayDeque<>();
  private final java.util.Set<String> collectionAnchors = new java.util.HashSet<>();
  private long values;
  private int collectionAliases;

  /** A collection not yet closed: its anchor, and the count of values before it began. */
  private record Open(Optional<Anchor> anchor, long before) {}

  private YamlBudget(Path file) {
    this.file = file;
  }

  /** Throws a located {@link SuiteException} when the text nests too deeply or expands to too many values. */
  static void check(Path file, String text, LoadSettings settings) {
    YamlBudget budget = new YamlBudget(file);
    for (Event event : new Parse(settings).parseString(text)) {
      budget.accept(event);
    }
  }

  private void accept(Event event) {
    switch (event.getEventId()) {
      case MappingStart, SequenceStart -> {
        if (open.size() >= Limits.YAML_DEPTH) {
          throw new SuiteException(at(event), "collections nested more than " + Limits.YAML_DEPTH
              + " deep; a suite needs a few levels (docs/limits.md): flatten the YAML");
        }
        open.push(new Open(((NodeEvent) event).getAnchor(), values));
        count(event, 1);
      }
      case MappingEnd, SequenceEnd -> {
        Open closed = open.pop();
        closed.anchor().ifPresent(a -> {
          anchoredSizes.put(a.getValue(), values - closed.before());
          collectionAnchors.add(a.getValue());
        });
      }
      case Scalar -> {
        ((NodeEvent) event).getAnchor().ifPresent(a -> anchoredSizes.put(a.getValue(), 1L));
        count(event, 1);
      }
      case Alias -> alias((AliasEvent) event);
      default -> { }
    }
  }

  private void alias(AliasEvent event) {
    String name = event.getAlias().getValue();
    if (open.stream().anyMatch(o -> o.anchor().map(a -> a.getValue().equals(name)).orElse(false))) {
      throw new SuiteException(at(event), "alias *" + name + " points into the collection that holds it (a structure"
          + " that contains itself); suites hold plain trees: remove the alias");
    }
    if (collectionAnchors.contains(name) && ++collectionAliases > Limits.YAML_COLLECTION_ALIASES) {
      throw new SuiteException(at(event), "more than " + Limits.YAML_COLLECTION_ALIASES + " aliases to collections"
          + " (docs/limits.md); write the values out or split the file");
    }
    count(event, anchoredSizes.getOrDefault(name, 1L));
  }

  private void count(Event event, long added) {
    values += added;
    if (values > Limits.YAML_NODES) {
      throw new SuiteException(at(event), "the document holds more than " + Limits.YAML_NODES + " values, counting"
          + " what its aliases repeat; a suite needs a few hundred (docs/limits.md): shorten it or remove aliases");
    }
  }

  private SourcePosition at(Event event) {
    Optional<Mark> mark = event.getStartMark();
    return mark.map(m -> new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1)).orElse(SourcePosition.startOf(file));
  }
}
