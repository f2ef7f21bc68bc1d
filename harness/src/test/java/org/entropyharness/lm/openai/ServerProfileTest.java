package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerProfileTest {
  private static ServerProfile ollama(String version) {
    return new ServerProfile(ServerKind.OLLAMA, version, "");
  }

  @Test
  void should_send_n_to_vllm_and_sglang_only() {
    assertThat(ServerProfile.named(ServerKind.VLLM).takesN()).isTrue();
    assertThat(ServerProfile.named(ServerKind.SGLANG).takesN()).isTrue();
    assertThat(ServerProfile.named(ServerKind.LLAMA_CPP).takesN()).isFalse();
    assertThat(ollama("0.12.11").takesN()).isFalse();
    assertThat(ollama("0.12.11").takesTopKAndMinP()).isFalse();
    assertThat(ServerProfile.named(ServerKind.LLAMA_CPP).takesTopKAndMinP()).isTrue();
  }

  @Test
  void should_know_where_ollama_returns_no_logprobs() {
    assertThat(ollama("0.12.11").noLogprobs(false)).contains("Ollama's /v1/completions returns no logprobs "
        + "(openai/openai.go ToCompletion); use chat: true with Ollama 0.12.11 or later");
    assertThat(ollama("0.12.11").noLogprobs(true)).isEmpty();
    assertThat(ollama("v0.13.0").noLogprobs(true)).isEmpty();
    assertThat(ollama("0.12.10").noLogprobs(true))
        .contains("Ollama 0.12.10 returns no logprobs; chat logprobs came in 0.12.11");
    assertThat(ollama("0.12.11-rc1").noLogprobs(true)).isEmpty();
    assertThat(ServerProfile.named(ServerKind.SGLANG).noLogprobs(false)).isEmpty();
  }

  @Test
  void should_distrust_prompt_counts_of_ollama_versions_that_left_cached_tokens_out() {
    assertThat(ollama("0.1.32").promptTokensUnreliable()).contains("Ollama 0.1.32 counts only the prompt tokens it "
        + "evaluated, not those it had cached (fixed in 0.1.49, ollama#5371)");
    assertThat(ollama("0.30.0").promptTokensUnreliable()).contains("Ollama 0.30.0 leaves cached prompt tokens out of "
        + "prompt_tokens (fixed in 0.30.1, ollama#16428)");
    assertThat(ollama("0.1.49").promptTokensUnreliable()).isEmpty();
    assertThat(ollama("0.30.1").promptTokensUnreliable()).isEmpty();
    assertThat(ollama("").promptTokensUnreliable()).isEmpty();
  }

  @Test
  void should_allow_vllms_extra_sampled_entry_in_completions_and_read_its_chat_list_as_k_minus_1() {
    assertThat(ServerProfile.named(ServerKind.VLLM).extraTopEntries(false)).isEqualTo(1);
    assertThat(ServerProfile.named(ServerKind.VLLM).extraTopEntries(true)).isZero();
    assertThat(ServerProfile.named(ServerKind.SGLANG).extraTopEntries(false)).isZero();
    assertThat(ServerProfile.named(ServerKind.VLLM).chatListsSampledFirst(true)).isTrue();
    assertThat(ServerProfile.named(ServerKind.LLAMA_CPP).chatListsSampledFirst(true)).isFalse();
  }

  @Test
  void should_name_the_allowed_servers_for_an_unknown_one() {
    assertThatThrownBy(() -> ServerKind.fromId("tgi"))
        .hasMessage("server: found 'tgi'; allowed: auto, vllm, sglang, llama-cpp, ollama");
    assertThatThrownBy(() -> new ServerProfile(ServerKind.AUTO, "", ""))
        .hasMessage("a profile is of a concrete server, not auto");
    assertThat(new ServerProfile(ServerKind.VLLM, "0.11.0", "x").label()).isEqualTo("vllm 0.11.0");
    assertThat(Optional.of(ServerProfile.named(ServerKind.LLAMA_CPP).label())).contains("llama-cpp");
  }
}
