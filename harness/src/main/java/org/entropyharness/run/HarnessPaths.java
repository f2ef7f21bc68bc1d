package org.entropyharness.run;

import java.nio.file.Path;

/**
 * Where runs and baselines live: under the project root, which is the {@code harness.root} system property (set by
 * {@code bin/harness} and the Maven build) or else the working directory.
 */
public record HarnessPaths(Path root) {

  public static HarnessPaths fromEnvironment() {
    String root = System.getProperty("harness.root");
    return new HarnessPaths(Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize());
  }

  public Path runs() {
    return root.resolve("reports").resolve("runs");
  }

  public Path baselines() {
    return root.resolve("baselines");
  }

  public Path allureResults() {
    return root.resolve("reports").resolve("allure-results");
  }
}
