package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyharness.run.Families;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.Test;

/** The shipped MATH-500 suite asks for no more than its model can give. */
class ShippedOpenAiSuiteTest {
  /** max_position_embeddings of Qwen/Qwen2.5-Math-1.5B-Instruct's config.json: prompt and completion together. */
  private static final int QWEN25_MATH_CONTEXT = 4096;

  @Test
  void should_leave_room_for_the_longest_prompt_in_the_models_context() throws IOException {
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(Path.of("../suites/math-openai.yaml"));
    String template = suite.protocol().string("prompt", "{question}");
    ObjectMapper json = new ObjectMapper();
    int longest = 0;
    for (String line : Files.readAllLines(Path.of("../datasets/math/math500_test.jsonl"))) {
      String prompt = template.replace("{question}", json.readTree(line).path("problem").asText());
      // A byte-level BPE token (Qwen2's tokenizer) covers at least one UTF-8 byte: bytes bound the token count.
      longest = Math.max(longest, prompt.getBytes(StandardCharsets.UTF_8).length);
    }
    assertThat(suite.models().get(0).section().string("name", "")).isEqualTo("Qwen/Qwen2.5-Math-1.5B-Instruct");
    assertThat(longest + suite.protocol().integer("max-tokens", 0)).isLessThanOrEqualTo(QWEN25_MATH_CONTEXT);
    assertThat(suite.protocol().number("max-failed-share", 1)).isEqualTo(0.05);
  }
}
