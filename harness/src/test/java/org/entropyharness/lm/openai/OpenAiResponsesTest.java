package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.entropyharness.lm.Trace;
import org.junit.jupiter.api.Test;

class OpenAiResponsesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void should_keep_only_the_k_largest_when_a_server_adds_the_chosen_token() throws Exception {
    // vLLM style: k = 2 but the chosen token (logprob -3) is appended as a third entry.
    JsonNode r = json("{'choices':[{'index':0,'text':'c','finish_reason':'stop','logprobs':{"
        + "'tokens':['c'],'token_logprobs':[-3.0],'top_logprobs':[{'a':-0.5,'b':-1.5,'c':-3.0}]}}],"
        + "'usage':{'prompt_tokens':4,'completion_tokens':1}}");
    Trace t = OpenAiResponses.parse(r, false, 2).get(0);
    assertThat(t.tokenLogprobs()).containsExactly(-3.0f);
    assertThat((double) t.tokenConfidences()[0]).isCloseTo(1.0, within(1e-6));
    // Renormalised over the two kept: q = (1, e^-1) / (1 + e^-1), H = -(q1 ln q1 + q2 ln q2).
    assertThat((double) t.tokenEntropies()[0]).isCloseTo(0.5822031088882179, within(1e-6));
  }

  @Test
  void should_read_the_chat_layout_in_a_completions_answer() throws Exception {
    JsonNode r = json("{'choices':[{'index':0,'text':'xy','finish_reason':'length','logprobs':{'content':["
        + "{'token':'x','logprob':-0.1,'top_logprobs':[{'token':'x','logprob':-0.1},{'token':'z','logprob':-2.4}]},"
        + "{'token':'y','logprob':-0.2,'top_logprobs':[{'token':'y','logprob':-0.2}]}]}}],"
        + "'usage':{'prompt_tokens':3,'completion_tokens':2}}");
    Trace t = OpenAiResponses.parse(r, false, 2).get(0);
    assertThat(t.text()).isEqualTo("xy");
    assertThat(t.completionTokens()).isEqualTo(2);
    assertThat(t.tokenConfidences()).containsExactly(1.25f, 0.2f);
    assertThat(t.finishReason()).isEqualTo("length");
  }

  @Test
  void should_share_usage_evenly_without_logprobs_and_order_choices_by_index() throws Exception {
    JsonNode r = json("{'choices':[{'index':1,'message':{'content':'second'}},{'index':0,'message':{'content':'first'}},"
        + "{'index':2,'message':{'content':'third'}}],'usage':{'prompt_tokens':9,'completion_tokens':11}}");
    List<Trace> ts = OpenAiResponses.parse(r, true, 20);
    assertThat(ts).extracting(Trace::text).containsExactly("first", "second", "third");
    assertThat(ts).extracting(Trace::completionTokens).containsExactly(4, 4, 3);
    assertThat(ts).extracting(Trace::promptTokens).containsOnly(9);
    assertThat(ts.get(0).tokenEntropies()).isEmpty();
  }

  @Test
  void should_reject_a_response_without_choices() {
    assertThatThrownBy(() -> OpenAiResponses.parse(json("{'error':'overloaded'}"), false, 5))
        .isInstanceOf(OpenAiResponses.ShapeException.class)
        .hasMessage("response has no choices: {\"error\":\"overloaded\"}");
  }
}
