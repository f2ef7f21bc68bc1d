package org.entropyharness.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.console.ConsoleLauncher;

/**
 * The JUnit console launcher's tag filters select this folder's suites by tier: {@code --include-tag smoke} finds the
 * smoke suites' tests, {@code --include-tag nightly} none of them (only the nightly suites').
 */
@Tag("smoke")
class ConsoleLauncherTagsTest {

  @Test
  void should_select_the_smoke_suites_with_the_smoke_tag_and_none_of_them_with_the_nightly_tag() {
    String smoke = discover("smoke");
    String nightly = discover("nightly");

    assertThat(smoke).contains("quickstart", "arith-reasoning-smoke", "cifar10c-tta-smoke", "greedy@1")
        .doesNotContain("cifar10c-tta-sev5", "cifar10c-tta-full", "math-openai");
    assertThat(nightly).contains("cifar10c-tta-sev5", "cifar10c-tta-full", "math-openai")
        .doesNotContain("quickstart", "arith-reasoning-smoke", "cifar10c-tta-smoke");
  }

  /** The test plan the console launcher's {@code discover} prints for a tag. */
  private static String discover(String tag) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ConsoleLauncher.run(new PrintWriter(out), new PrintWriter(err), "discover", "--disable-banner",
        "--select-directory", ".", "--include-engine", "entropy-harness", "--include-tag", tag,
        "--details", "tree").getExitCode();
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return out.toString();
  }
}
