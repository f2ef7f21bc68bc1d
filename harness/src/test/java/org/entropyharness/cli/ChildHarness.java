package org.entropyharness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The harness CLI in a JVM of its own, started as {@code bin/harness} starts it, on the test class path. */
public final class ChildHarness {
  private ChildHarness() {}

  /** {@code java <bin/harness's flags> -cp <test class path> HarnessCommand args…}. */
  public static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-modules=jdk.incubator.vector", "-Dai.djl.offline=true",
        "-Dharness.root=" + Path.of(System.getProperty("harness.root", "..")).toAbsolutePath().normalize(),
        "-cp", System.getProperty("java.class.path"), HarnessCommand.class.getName()));
    command.addAll(List.of(args));
    return command;
  }
}
