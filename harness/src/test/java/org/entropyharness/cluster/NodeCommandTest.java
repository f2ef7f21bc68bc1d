package org.entropyharness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeCommandTest {
  @Test
  void should_keep_properties_module_flags_and_heap_but_not_debuggers_or_agents() {
    List<String> kept = NodeCommand.portableOptions(List.of("-agentlib:jdwp=transport=dt_socket,server=y",
        "-javaagent:/tmp/agent.jar", "--add-opens", "java.base/java.nio=ALL-UNNAMED", "-Xmx2g", "-Dharness.root=/p",
        "-Xdebug", "-Xrunjdwp:transport=dt_socket", "--add-modules=jdk.incubator.vector", "-XX:+UseG1GC"));

    assertThat(kept).containsExactly("--add-opens", "java.base/java.nio=ALL-UNNAMED", "-Xmx2g", "-Dharness.root=/p",
        "--add-modules=jdk.incubator.vector", "-XX:+UseG1GC");
  }

  @Test
  void should_start_this_jdk_with_an_absolute_class_path_and_the_project_root() {
    List<String> words = NodeCommand.ofThisJvm("org.example.Main", Path.of("/project")).words();

    assertThat(words.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    assertThat(words.get(words.size() - 1)).isEqualTo("org.example.Main");
    assertThat(words.get(words.size() - 3)).isEqualTo("-cp");
    assertThat(words.get(words.size() - 2).split(File.pathSeparator)).allMatch(entry -> Path.of(entry).isAbsolute());
    assertThat(words).filteredOn(w -> w.startsWith("-Dharness.root=")).hasSize(1);
  }
}
