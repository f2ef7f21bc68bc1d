package org.entropyharness.jupiter;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** A suite declared in Java runs as Jupiter dynamic tests (and this class is the example the javadoc shows). */
class JupiterSuitesTest {
  @TestFactory
  Stream<DynamicNode> should_run_a_suite_declared_in_java() {
    return JupiterSuites.suite("arith-java").family("reasoning")
        .section("dataset", Map.of("name", "arith", "levels", List.of(1), "per-level", 4))
        .section("model", Map.of("backend", "embedded"))
        .section("protocol", Map.of("max-tokens", 48))
        .method("greedy").method("sample", Map.of("n", 3))
        .metrics("accuracy", "pass@3").gate("accuracy", "5pp")
        .tests();
  }
}
