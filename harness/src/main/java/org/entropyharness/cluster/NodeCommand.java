package org.entropyharness.cluster;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command a node runs to start the harness: this JVM's java binary, its JVM options and class path, and the
 * CLI's main class. Nodes therefore need the same JDK and the same checkout at the same paths (a shared filesystem).
 * A job calls java directly rather than {@code bin/harness}, which would rebuild a stale jar on every node at once.
 *
 * @param words the command line, one word per element
 */
public record NodeCommand(List<String> words) {
  /** Options that take their value as the next argument when written without {@code =}. */
  private static final Set<String> WITH_VALUE = Set.of("--add-opens", "--add-modules", "--add-exports", "--add-reads");

  public NodeCommand {
    words = List.copyOf(words);
  }

  /**
   * This JVM's command line for {@code mainClass}: debugger and agent options are dropped, the class path is made
   * absolute, and {@code -Dharness.root} is added when missing so jobs find the project's baselines.
   */
  public static NodeCommand ofThisJvm(String mainClass, Path projectRoot) {
    List<String> words = new ArrayList<>();
    words.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    words.addAll(portableOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    if (words.stream().noneMatch(w -> w.startsWith("-Dharness.root="))) {
      words.add("-Dharness.root=" + projectRoot.toAbsolutePath().normalize());
    }
    words.add("-cp");
    words.add(absoluteClassPath(System.getProperty("java.class.path")));
    words.add(mainClass);
    return new NodeCommand(words);
  }

  /** The options worth repeating on a node: system properties, module flags, heap and VM settings. */
  static List<String> portableOptions(List<String> jvmArguments) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < jvmArguments.size(); i++) {
      String arg = jvmArguments.get(i);
      if (WITH_VALUE.contains(arg) && i + 1 < jvmArguments.size()) {
        kept.add(arg);
        kept.add(jvmArguments.get(++i));
      } else if (isPortable(arg)) {
        kept.add(arg);
      }
    }
    return kept;
  }

  private static boolean isPortable(String arg) {
    if (arg.startsWith("-Xdebug") || arg.startsWith("-Xrunjdwp")) {
      return false;
    }
    return arg.startsWith("-D") || arg.startsWith("--add-") || arg.startsWith("--enable-") || arg.startsWith("-X");
  }

  private static String absoluteClassPath(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
