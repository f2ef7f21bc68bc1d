package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.Trace.Measure;

/**
 * Turns a completions or chat-completions response into traces: the choices in index order (a repeated index is
 * dropped and reported), each choice's per-token statistics ({@link ChoiceStatistics}), and token counts from
 * {@code usage} where it gives them, counted from the logprob entries only where it does not.
 */
final class OpenAiResponses {
  private OpenAiResponses() {}

  /** A response that parsed as JSON but does not have the expected shape. */
  static final class ShapeException extends Exception {
    ShapeException(String message) {
      super(message);
    }
  }

  /**
   * How to read a response.
   *
   * @param chat whether the chat API answered
   * @param topK the top-k asked for
   * @param profile the server's profile
   */
  record ReadContext(boolean chat, int topK, ServerProfile profile) {}

  /**
   * What a response held.
   *
   * @param traces the choices, in index order
   * @param logprobs each choice's logprob rows, as the statistics read them
   * @param id the response's id, or ""
   * @param problems what was wrong with the response as a whole (a repeated choice index), for the caller to report
   */
  record Parsed(List<Trace> traces, List<ChoiceLogprobs> logprobs, String id, List<String> problems) {}

  /** One choice before its token counts are known. */
  private record Choice(String text, String finish, ChoiceLogprobs logprobs) {}

  static Parsed parse(JsonNode root, ReadContext ctx) throws ShapeException {
    List<String> problems = new ArrayList<>();
    List<Choice> choices;
    JsonNode usage;
    if (root.path("choices").isArray() && !root.path("choices").isEmpty()) {
      choices = choices(root.path("choices"), ctx.chat(), problems);
      usage = root.path("usage");
    } else if (root.path("content").isTextual()) {
      choices = List.of(nativeChoice(root));
      usage = nativeUsage(root);
    } else {
      throw new ShapeException("response has no choices: " + ServerErrors.abbreviate(root.toString(), 400));
    }
    int[] completion = new int[choices.size()];
    List<Map<Measure, String>> notes = new ArrayList<>();
    choices.forEach(c -> notes.add(new EnumMap<>(Measure.class)));
    TokenCounts.completion(choices.stream().map(Choice::logprobs).toList(),
        choices.stream().map(Choice::text).toList(), usage, completion, notes);
    int prompt = TokenCounts.prompt(usage, ctx.profile(), notes);
    List<Trace> traces = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      Choice c = choices.get(i);
      ChoiceStatistics s = ChoiceStatistics.of(c.logprobs(), ctx.topK(), ctx.profile(), ctx.chat());
      Map<Measure, String> all = new EnumMap<>(Measure.class);
      all.putAll(s.notes());
      all.putAll(notes.get(i));
      traces.add(new Trace(c.text(), prompt, completion[i], s.entropies(), s.confidences(), s.logprobs(),
          s.provenance(), c.finish(), null, all));
    }
    return new Parsed(traces, choices.stream().map(Choice::logprobs).toList(), root.path("id").asText(""), problems);
  }

  private static List<Choice> choices(JsonNode array, boolean chat, List<String> problems) {
    List<JsonNode> ordered = new ArrayList<>();
    array.forEach(ordered::add);
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      index.add(ordered.get(i).path("index").asInt(i));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(index.get(a), index.get(b)));
    Set<Integer> seen = new HashSet<>();
    List<Choice> out = new ArrayList<>();
    for (int i : order) {
      if (!seen.add(index.get(i))) {
        problems.add("choice index " + index.get(i) + " appeared twice in one response; the repeat was dropped");
        continue;
      }
      JsonNode c = ordered.get(i);
      JsonNode text = chat ? c.path("message").path("content") : c.path("text");
      out.add(new Choice(text.isTextual() ? text.asText() : "", c.path("finish_reason").asText("unknown"),
          ChoiceLogprobs.of(c.path("logprobs"))));
    }
    return out;
  }

  /** llama.cpp's native layout: older builds answer {@code /v1/completions} with it. */
  private static Choice nativeChoice(JsonNode root) {
    String finish = root.path("stopped_limit").asBoolean(false) ? "length"
        : root.path("stop_type").asText("").equals("limit") ? "length" : "stop";
    return new Choice(root.path("content").asText(), finish,
        ChoiceLogprobs.nativeLayout(root.path("completion_probabilities")));
  }

  /** The native layout's counts, as a usage object. */
  private static JsonNode nativeUsage(JsonNode root) {
    var usage = JsonNodeFactory.instance.objectNode();
    if (root.path("tokens_predicted").isNumber()) {
      usage.set("completion_tokens", root.path("tokens_predicted"));
    }
    if (root.path("tokens_evaluated").isNumber()) {
      usage.set("prompt_tokens", root.path("tokens_evaluated"));
    }
    return usage;
  }
}
