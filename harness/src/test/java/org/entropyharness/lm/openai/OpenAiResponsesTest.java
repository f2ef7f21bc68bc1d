package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.Trace.Measure;
import org.junit.jupiter.api.Test;

class OpenAiResponsesTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final ServerProfile VLLM = ServerProfile.named(ServerKind.VLLM);
  private static final ServerProfile SGLANG = ServerProfile.named(ServerKind.SGLANG);
  private static final ServerProfile LLAMA = ServerProfile.named(ServerKind.LLAMA_CPP);

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  private static List<Trace> parse(String response, boolean chat, int k, ServerProfile p) throws Exception {
    return OpenAiResponses.parse(json(response), new OpenAiResponses.ReadContext(chat, k, p)).traces();
  }

  @Test
  void should_keep_only_the_k_largest_when_vllm_adds_the_sampled_token() throws Exception {
    Trace t = parse("{'choices':[{'index':0,'text':'c','finish_reason':'stop','logprobs':{"
        + "'tokens':['c'],'token_logprobs':[-3.0],'top_logprobs':[{'c':-3.0,'a':-0.5,'b':-1.5}]}}],"
        + "'usage':{'prompt_tokens':4,'completion_tokens':1}}", false, 2, VLLM).get(0);
    assertThat(t.tokenLogprobs()).containsExactly(-3.0f);
    assertThat((double) t.tokenConfidences()[0]).isCloseTo(1.0, within(1e-6));
    assertThat((double) t.tokenEntropies()[0]).isCloseTo(Recorded.entropy(-0.5, -1.5), within(1e-6));
    assertThat(t.notes()).isEmpty();
    assertThat(t.provenance().label()).isEqualTo("top-2 renormalised T=server");
  }

  @Test
  void should_read_the_chat_layout_in_a_llama_cpp_completions_answer() throws Exception {
    Trace t = parse("{'choices':[{'index':0,'text':'xy','finish_reason':'length','logprobs':{'content':["
        + "{'id':87,'token':'x','bytes':[120],'logprob':-0.1,'top_logprobs':[{'id':87,'token':'x','bytes':[120],"
        + "'logprob':-0.1},{'id':89,'token':'z','bytes':[122],'logprob':-2.4}]},"
        + "{'id':88,'token':'y','bytes':[121],'logprob':-0.2,'top_logprobs':[{'id':88,'token':'y','bytes':[121],"
        + "'logprob':-0.2},{'id':3,'token':'!','bytes':[33],'logprob':-3.4028234663852886e+38}]}]}}],"
        + "'usage':{'prompt_tokens':3,'completion_tokens':2}}", false, 2, LLAMA).get(0);
    assertThat(t.text()).isEqualTo("xy");
    assertThat(t.completionTokens()).isEqualTo(2);
    assertThat(t.tokenConfidences()).containsExactly(1.25f, 0.2f);
    assertThat((double) t.tokenEntropies()[1]).isCloseTo(Recorded.entropy(-0.2), within(1e-6));
    assertThat(t.note(Measure.TOP_LOGPROBS))
        .isEqualTo("placeholder values (null, -Infinity, -9999 or -3.4e38) were read as tokens below the top k");
    assertThat(t.finishReason()).isEqualTo("length");
  }

  @Test
  void should_read_sglang_nulls_as_below_the_top_k_and_a_null_chosen_logprob_as_unknown() throws Exception {
    Trace t = parse("{'choices':[{'index':0,'text':'ab','logprobs':{'text_offset':[-1,-1],'tokens':['a','b'],"
        + "'token_logprobs':[null,-0.3],'top_logprobs':[{'a':-0.7,'q':null},{'b':-0.3,'r':-1.9}]}}],"
        + "'usage':{'prompt_tokens':5,'completion_tokens':2}}", false, 2, SGLANG).get(0);
    assertThat(t.tokenLogprobs()[0]).isNaN();
    assertThat((double) t.tokenEntropies()[0]).isCloseTo(Recorded.entropy(-0.7), within(1e-6));
    assertThat((double) t.tokenConfidences()[0]).isCloseTo(0.7, within(1e-6));
    assertThat(t.note(Measure.CHOSEN_LOGPROBS))
        .isEqualTo("the sampled token's logprob was absent, null or a placeholder at some tokens");
  }

  @Test
  void should_use_the_k_minus_1_largest_of_vllm_chat_which_lists_the_sampled_token_first() throws Exception {
    Trace t = parse("{'choices':[{'index':0,'message':{'role':'assistant','content':'w'},'logprobs':{'content':["
        + "{'token':'w','logprob':-4.0,'top_logprobs':[{'token':'w','logprob':-4.0},{'token':'u','logprob':-0.2},"
        + "{'token':'v','logprob':-1.8}]}]}}],'usage':{'prompt_tokens':5,'completion_tokens':1}}", true, 3, VLLM)
        .get(0);
    assertThat(t.provenance().label()).isEqualTo("top-2 renormalised T=server");
    assertThat((double) t.tokenEntropies()[0]).isCloseTo(Recorded.entropy(-0.2, -1.8), within(1e-6));
  }

  @Test
  void should_refuse_statistics_from_positive_logprobs() throws Exception {
    Trace t = parse("{'choices':[{'index':0,'text':'a','logprobs':{'tokens':['a'],'token_logprobs':[2.5],"
        + "'top_logprobs':[{'a':2.5,'b':1.0}]}}],'usage':{'prompt_tokens':5,'completion_tokens':1}}", false, 2, VLLM)
        .get(0);
    assertThat(t.tokenEntropies()[0]).isNaN();
    assertThat(t.tokenLogprobs()[0]).isNaN();
    assertThat(t.note(Measure.TOP_LOGPROBS)).isEqualTo("logprob 2.500 > 0 at token 0: the server sent something other "
        + "than log-probabilities (vLLM's --logprobs-mode raw_logits?), so no logprob statistic is computed from this "
        + "choice");
    assertThat(t.completionTokens()).isEqualTo(1);
  }

  @Test
  void should_say_when_a_position_lists_fewer_or_more_entries_than_asked() throws Exception {
    Trace t = parse("{'choices':[{'index':0,'text':'ab','logprobs':{'tokens':['a','b'],'token_logprobs':[-0.1,-0.2],"
        + "'top_logprobs':[{'a':-0.1},{'b':-0.2,'c':-2.0,'d':-3.0,'e':-4.0}]}}],"
        + "'usage':{'prompt_tokens':5,'completion_tokens':2}}", false, 2, SGLANG).get(0);
    assertThat(t.note(Measure.TOP_LOGPROBS)).isEqualTo("some tokens listed fewer than 2 top logprobs (vLLM and "
        + "SGLang key them by token text, so tokens with the same text share one entry); some tokens listed more "
        + "than 2 top logprobs; the 2 largest were used");
    assertThat((double) t.tokenEntropies()[1]).isCloseTo(Recorded.entropy(-0.2, -2.0), within(1e-6));
  }

  @Test
  void should_take_usage_over_counting_and_count_only_without_usage() throws Exception {
    String choice = "{'index':0,'text':'ab','logprobs':{'tokens':['a','b'],'token_logprobs':[-0.1,-0.2],"
        + "'top_logprobs':[{'a':-0.1},{'b':-0.2}]}}";
    Trace withUsage = parse("{'choices':[" + choice + "],'usage':{'prompt_tokens':5,'completion_tokens':3}}",
        false, 1, VLLM).get(0);
    Trace withoutUsage = parse("{'choices':[" + choice + "]}", false, 1, VLLM).get(0);
    assertThat(withUsage.completionTokens()).isEqualTo(3);
    assertThat(withoutUsage.completionTokens()).isEqualTo(2);
    assertThat(withoutUsage.note(Measure.COMPLETION_TOKENS))
        .isEqualTo("counted from the logprob entries: the response had no usage.completion_tokens");
    assertThat(withoutUsage.promptTokens()).isEqualTo(Trace.UNKNOWN);
    assertThat(withoutUsage.note(Measure.PROMPT_TOKENS)).isEqualTo("the response had no usage.prompt_tokens");
  }

  @Test
  void should_not_take_a_cached_prompt_count_of_0_for_a_prompt_length() throws Exception {
    Trace t = parse("{'choices':[{'index':0,'text':'4','finish_reason':'stop'}],"
        + "'usage':{'prompt_tokens':0,'completion_tokens':1,'total_tokens':1}}", false, 20,
        ServerProfile.named(ServerKind.OLLAMA)).get(0);
    assertThat(t.promptTokens()).isEqualTo(Trace.UNKNOWN);
    assertThat(t.note(Measure.PROMPT_TOKENS)).isEqualTo("the server reported 0 prompt tokens, which Ollama reports "
        + "when the prompt was cached (ollama#5370); not a prompt length");
    assertThat(t.completionTokens()).isEqualTo(1);
    assertThat(t.tokenEntropies()).isEmpty();
    assertThat(t.note(Measure.TOP_LOGPROBS)).isEqualTo("Ollama's /v1/completions returns no logprobs "
        + "(openai/openai.go ToCompletion); use chat: true with Ollama 0.12.11 or later");
  }

  @Test
  void should_not_share_a_usage_total_out_over_choices_without_logprobs() throws Exception {
    List<Trace> ts = parse("{'choices':[{'index':1,'message':{'content':'second'}},{'index':0,'message':"
        + "{'content':'first'}},{'index':2,'message':{'content':null}}],'usage':{'prompt_tokens':9,"
        + "'completion_tokens':11}}", true, 20, SGLANG);
    assertThat(ts).extracting(Trace::text).containsExactly("first", "second", "");
    assertThat(ts).extracting(Trace::completionTokens).containsOnly(Trace.UNKNOWN);
    assertThat(ts.get(0).note(Measure.COMPLETION_TOKENS)).isEqualTo("usage gives only the total over 3 choices (11) "
        + "and the choices have no logprobs to count");
    assertThat(ts).extracting(Trace::promptTokens).containsOnly(9);
  }

  @Test
  void should_drop_a_repeated_choice_index_and_report_it() throws Exception {
    OpenAiResponses.Parsed p = OpenAiResponses.parse(json("{'id':'cmpl-1','choices':[{'index':0,'text':'a'},"
        + "{'index':0,'text':'a'}],'usage':{'prompt_tokens':2,'completion_tokens':2}}"),
        new OpenAiResponses.ReadContext(false, 2, VLLM));
    assertThat(p.traces()).hasSize(1);
    assertThat(p.problems()).containsExactly("choice index 0 appeared twice in one response; the repeat was dropped");
    assertThat(p.id()).isEqualTo("cmpl-1");
  }

  @Test
  void should_read_llama_cpp_native_layout_without_statistics_from_post_sampling_probabilities() throws Exception {
    Trace t = parse("{'content':' 12','stop':true,'stopped_eos':true,'stopped_limit':false,'tokens_predicted':2,"
        + "'tokens_evaluated':14,'completion_probabilities':[{'content':' 1','probs':[{'tok_str':' 1','prob':0.9},"
        + "{'tok_str':' 2','prob':0.1}]},{'content':'2','probs':[{'tok_str':'2','prob':1.0}]}]}", false, 2, LLAMA)
        .get(0);
    assertThat(t.text()).isEqualTo(" 12");
    assertThat(t.completionTokens()).isEqualTo(2);
    assertThat(t.promptTokens()).isEqualTo(14);
    assertThat(t.finishReason()).isEqualTo("stop");
    assertThat(t.tokenEntropies()).containsExactly(Float.NaN, Float.NaN);
    assertThat(t.note(Measure.TOP_LOGPROBS)).isEqualTo("this llama.cpp build reports post-sampling probabilities "
        + "(after temperature, top-k and top-p), not the model's log-probabilities");
  }

  @Test
  void should_reject_a_response_without_choices() {
    assertThatThrownBy(() -> parse("{'error':'overloaded'}", false, 5, VLLM))
        .isInstanceOf(OpenAiResponses.ShapeException.class)
        .hasMessage("response has no choices: {\"error\":\"overloaded\"}");
  }
}
