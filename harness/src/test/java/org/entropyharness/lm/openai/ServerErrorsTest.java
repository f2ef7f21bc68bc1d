package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerErrorsTest {
  private static ServerErrors.ServerError parse(int status, String body) {
    return ServerErrors.parse(status, body.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void should_read_each_servers_error_layout() {
    assertThat(parse(400, "{'error':{'message':'bad n','type':'BadRequestError','param':null,'code':400}}"))
        .isEqualTo(new ServerErrors.ServerError(400, "bad n", "BadRequestError", ""));
    assertThat(parse(400, "{'object':'error','message':'bad n','type':'BadRequestError','param':null,'code':400}"))
        .isEqualTo(new ServerErrors.ServerError(400, "bad n", "BadRequestError", ""));
    assertThat(parse(400, "{'error':{'code':400,'message':'request (5000 tokens) exceeds the available context size "
        + "(4096 tokens), try increasing it','type':'exceed_context_size_error','n_prompt_tokens':5000,'n_ctx':4096}}"))
        .isEqualTo(new ServerErrors.ServerError(400, "request (5000 tokens) exceeds the available context size (4096 "
            + "tokens), try increasing it", "exceed_context_size_error", "n_prompt_tokens 5000, n_ctx 4096"));
    assertThat(parse(404, "{'error':{'message':'model \\\"x\\\" not found','type':'not_found_error','param':null,"
        + "'code':null}}").message()).isEqualTo("model \"x\" not found");
    assertThat(parse(422, "{'detail':[{'loc':['body','n'],'msg':'Input should be a valid integer','type':'int'}]}")
        .message()).isEqualTo("[\"body\",\"n\"]: Input should be a valid integer");
    assertThat(parse(502, "<html>Bad Gateway</html>").message()).isEqualTo("<html>Bad Gateway</html>");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "429 | {'error':'rate limited'} | true",
      "503 | {'object':'error','message':'The model is loading','type':'ServiceUnavailableError','code':503} | true",
      "500 | {'error':{'message':'CUDA error: an illegal memory access','type':'InternalServerError','code':500}} | true",
      "500 | {'error':{'code':500,'message':'Only one completion choice is allowed','type':'server_error'}} | false",
      "500 | {'error':{'code':500,'message':'Unsupported param: best_of','type':'server_error'}} | false",
      "500 | {'error':{'code':500,'message':'whatever','type':'invalid_request_error'}} | false",
      "400 | {'error':{'message':'bad','type':'BadRequestError','code':400}} | false",
      "404 | {'detail':'Not Found'} | false",
      "501 | {'error':'not implemented'} | false"})
  void should_retry_overloads_and_not_bad_requests(int status, String body, boolean retry) {
    assertThat(parse(status, body).worthRetrying()).isEqualTo(retry);
  }

  @Test
  void should_say_what_to_do_about_one_choice_per_request_and_a_too_long_request() {
    assertThat(ServerErrors.describe("POST u", parse(500, "{'error':{'code':500,'message':'Only one completion choice "
        + "is allowed','type':'server_error'}}"), 64, 20)).isEqualTo("POST u: HTTP 500 (server_error): Only one "
        + "completion choice is allowed; llama.cpp takes one choice per request: set model.server to llama-cpp (or auto) "
        + "so the harness sends n single requests with distinct seeds");
    assertThat(ServerErrors.describe("POST u", parse(400, "{'error':{'code':400,'message':'request (5000 tokens) "
        + "exceeds the available context size (4096 tokens), try increasing it','type':'exceed_context_size_error',"
        + "'n_prompt_tokens':5000,'n_ctx':4096}}"), 3000, 9000)).isEqualTo("POST u: HTTP 400 "
        + "(exceed_context_size_error): request (5000 tokens) exceeds the available context size (4096 tokens), try "
        + "increasing it [n_prompt_tokens 5000, n_ctx 4096]; the prompt and the completion must fit the model's "
        + "context: this request asked for max_tokens 3000 after a prompt of 9000 characters; lower "
        + "protocol.max-tokens (or the method's max-tokens)");
  }
}
