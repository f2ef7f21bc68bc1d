package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads an error response the way each server writes it (vLLM and Ollama {@code {"error": {message, type, …}}},
 * SGLang and older vLLM {@code {"object": "error", message, …}}, llama.cpp {@code {"error": {code, message, type,
 * n_prompt_tokens, n_ctx}}}, FastAPI {@code {"detail": …}}) and decides whether asking again can help.
 */
final class ServerErrors {
  /** How much of a server's message a failure shows: enough for every server's context-length message. */
  static final int MAX_MESSAGE = 2000;

  /** Messages of a 500 that the same request gets again every time (llama.cpp reports bad parameters as 500). */
  private static final Pattern DETERMINISTIC = Pattern.compile(
      "only one completion choice|n_cmpl cannot be greater|unsupported param|illegal param|is required|"
          + "requires \"?logprobs|context size|context length|max_model_len",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTEXT = Pattern.compile(
      "context length|context size|maximum context|max_model_len|exceed_context|is too large: \\d+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ONE_CHOICE =
      Pattern.compile("only one completion choice|n_cmpl cannot be greater", Pattern.CASE_INSENSITIVE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServerErrors() {}

  /**
   * What a server said.
   *
   * @param status the HTTP status
   * @param message its message, whole up to {@link #MAX_MESSAGE} characters
   * @param type its error type, or ""
   * @param facts numbers it added beside the message (llama.cpp's n_prompt_tokens and n_ctx), or ""
   */
  record ServerError(int status, String message, String type, String facts) {
    /** Whether the same request can succeed later: overloads and timeouts, not bad requests. */
    boolean worthRetrying() {
      if (status == 408 || status == 429 || status == 502 || status == 503 || status == 504) {
        return true;
      }
      if (status != 500) {
        return false;
      }
      String t = type.toLowerCase(Locale.ROOT);
      return !DETERMINISTIC.matcher(message).find() && !t.contains("invalid_request") && !t.contains("not_supported")
          && !t.contains("exceed_context");
    }
  }

  /** Parses an error body; a body that is not JSON is its own message. */
  static ServerError parse(int status, byte[] body) {
    String raw = new String(body, StandardCharsets.UTF_8).strip();
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      return new ServerError(status, abbreviate(raw, MAX_MESSAGE), "", "");
    }
    JsonNode error = root.path("error");
    JsonNode holder = error.isObject() ? error : root;
    String message = error.isTextual() ? error.asText() : holder.path("message").isTextual()
        ? holder.path("message").asText() : detail(root.path("detail"), raw);
    String type = holder.path("type").asText("");
    List<String> facts = new ArrayList<>();
    for (String key : List.of("n_prompt_tokens", "n_ctx")) {
      if (holder.path(key).isNumber()) {
        facts.add(key + " " + holder.path(key).asLong());
      }
    }
    return new ServerError(status, abbreviate(message, MAX_MESSAGE), type, String.join(", ", facts));
  }

  private static String detail(JsonNode detail, String raw) {
    if (detail.isTextual()) {
      return detail.asText();
    }
    if (detail.isArray()) {
      List<String> parts = new ArrayList<>();
      detail.forEach(d -> parts.add(d.path("loc").toString() + ": " + d.path("msg").asText(d.toString())));
      return String.join("; ", parts);
    }
    return raw;
  }

  /**
   * The failure line: status, type, the server's message, and what to do where the message is one the harness
   * knows (one choice per request, a request longer than the model's context).
   *
   * @param maxTokens the request's max_tokens
   * @param promptChars the prompt's length in characters
   */
  static String describe(String call, ServerError e, int maxTokens, int promptChars) {
    StringBuilder sb = new StringBuilder(call).append(": HTTP ").append(e.status());
    if (!e.type().isEmpty()) {
      sb.append(" (").append(e.type()).append(')');
    }
    sb.append(": ").append(e.message());
    if (!e.facts().isEmpty()) {
      sb.append(" [").append(e.facts()).append(']');
    }
    if (ONE_CHOICE.matcher(e.message()).find()) {
      sb.append("; llama.cpp takes one choice per request: set model.server to llama-cpp (or auto) so the harness"
          + " sends n single requests with distinct seeds");
    } else if (CONTEXT.matcher(e.message() + " " + e.type()).find()) {
      sb.append("; the prompt and the completion must fit the model's context: this request asked for max_tokens ")
          .append(maxTokens).append(" after a prompt of ").append(promptChars)
          .append(" characters; lower protocol.max-tokens (or the method's max-tokens)");
    }
    return sb.toString();
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "… (" + (s.length() - max) + " more characters)";
  }
}
