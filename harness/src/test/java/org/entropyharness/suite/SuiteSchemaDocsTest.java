package org.entropyharness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The docs page names every key the schema allows, so the docs cannot fall behind the schema. */
class SuiteSchemaDocsTest {
  @Test
  void should_document_every_schema_key() throws Exception {
    String docs = Files.readString(Path.of("../docs/suites.md"));
    Set<String> keys = new TreeSet<>();
    collect(SuiteSchema.instance().tree(), keys);

    assertThat(keys).hasSizeGreaterThan(30).allSatisfy(k -> assertThat(docs).contains("`" + k + "`"));
  }

  private static void collect(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      node.path("properties").fieldNames().forEachRemaining(keys::add);
      node.forEach(child -> collect(child, keys));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, keys));
    }
  }
}
