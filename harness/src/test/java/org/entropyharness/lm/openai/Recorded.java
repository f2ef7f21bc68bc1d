package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a variant's recorded responses imply, worked out from the JSON by hand (no harness code): the choices of each
 * problem with their texts, token counts and per-token top logprobs, and the accuracy, pass@k, token and entropy
 * figures a suite of {@code sample: {n: 4}} must report over them.
 */
final class Recorded {
  static final int K = 3;
  private static final Pattern BOXED = Pattern.compile("\\\\boxed\\{([^}]*)}");
  private static final Map<String, String> ANSWERS = Map.of("p1", "12", "p2", "36", "p3", "7");

  /** One recorded choice. */
  record Choice(String text, int completionTokens, int promptTokens, List<double[]> tops) {
    boolean right(String problem) {
      Matcher m = BOXED.matcher(text);
      String last = null;
      while (m.find()) {
        last = m.group(1);
      }
      return ANSWERS.get(problem).equals(last);
    }

    String answer() {
      Matcher m = BOXED.matcher(text);
      return m.find() ? m.group(1) : "";
    }
  }

  private final Map<String, List<Choice>> byProblem = new LinkedHashMap<>();
  private final int topWanted;

  private Recorded(String variant, UnaryOperator<ObjectNode> transform) {
    JsonNode v = ReplayServer.recorded(variant, "variant.json");
    boolean chat = v.path("api").asText().equals("chat");
    // vLLM's chat API lists the sampled token first among k entries: only the k - 1 largest are surely the top.
    this.topWanted = chat && v.path("server").asText().equals("vllm") ? K - 1 : K;
    for (String p : List.of("p1", "p2", "p3")) {
      List<Choice> choices = new ArrayList<>();
      if (v.path("choicesPerRequest").asInt() == 4) {
        JsonNode r = transform.apply((ObjectNode) ReplayServer.recorded(variant, p + ".json"));
        for (JsonNode c : r.path("choices")) {
          List<double[]> tops = tops(c.path("logprobs"));
          choices.add(new Choice(chat ? c.path("message").path("content").asText() : c.path("text").asText(),
              tops.size(), r.path("usage").path("prompt_tokens").asInt(), tops));
        }
      } else {
        for (int i = 0; i < 4; i++) {
          JsonNode r = transform.apply((ObjectNode) ReplayServer.recorded(variant, p + "-" + i + ".json"));
          JsonNode c = r.path("choices").path(0);
          String text = r.has("content") ? r.path("content").asText()
              : chat ? c.path("message").path("content").asText() : c.path("text").asText();
          int completion = r.has("tokens_predicted") ? r.path("tokens_predicted").asInt()
              : r.path("usage").path("completion_tokens").asInt();
          int prompt = r.has("tokens_evaluated") ? r.path("tokens_evaluated").asInt()
              : r.path("usage").path("prompt_tokens").asInt();
          choices.add(new Choice(text, completion, prompt, tops(c.path("logprobs"))));
        }
      }
      byProblem.put(p, choices);
    }
  }

  static Recorded of(String variant) {
    return new Recorded(variant, UnaryOperator.identity());
  }

  /** What the recordings imply after the same edit the replay server applies to them. */
  static Recorded of(String variant, UnaryOperator<ObjectNode> transform) {
    return new Recorded(variant, transform);
  }

  /** Per token, the real top values: nulls and placeholders (≤ -9999) left out. */
  private static List<double[]> tops(JsonNode logprobs) {
    List<double[]> out = new ArrayList<>();
    if (logprobs.path("content").isArray()) {
      for (JsonNode tok : logprobs.path("content")) {
        List<Double> vs = new ArrayList<>();
        tok.path("top_logprobs").forEach(t -> add(vs, t.path("logprob")));
        out.add(vs.stream().mapToDouble(Double::doubleValue).toArray());
      }
    } else if (logprobs.path("top_logprobs").isArray()) {
      for (JsonNode dict : logprobs.path("top_logprobs")) {
        List<Double> vs = new ArrayList<>();
        for (Iterator<JsonNode> it = dict.elements(); it.hasNext(); ) {
          add(vs, it.next());
        }
        out.add(vs.stream().mapToDouble(Double::doubleValue).toArray());
      }
    }
    return out;
  }

  private static void add(List<Double> vs, JsonNode v) {
    if (v.isNumber() && v.asDouble() > -9999) {
      vs.add(v.asDouble());
    }
  }

  List<Choice> choices(String problem) {
    return byProblem.get(problem);
  }

  /** The majority answer of each problem (ties to the first seen), right or not, averaged. */
  double accuracy() {
    double right = 0;
    for (var e : byProblem.entrySet()) {
      Map<String, Integer> votes = new LinkedHashMap<>();
      e.getValue().forEach(c -> votes.merge(c.answer(), 1, Integer::sum));
      String winner = votes.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElseThrow()
          .getKey();
      right += ANSWERS.get(e.getKey()).equals(winner) ? 1 : 0;
    }
    return right / byProblem.size();
  }

  double passAt1() {
    return byProblem.entrySet().stream()
        .mapToDouble(e -> e.getValue().stream().filter(c -> c.right(e.getKey())).count() / 4.0).average().orElseThrow();
  }

  double passAt4() {
    return byProblem.entrySet().stream()
        .mapToDouble(e -> e.getValue().stream().anyMatch(c -> c.right(e.getKey())) ? 1 : 0).average().orElseThrow();
  }

  double meanCompletionTokens() {
    return byProblem.values().stream().flatMap(List::stream).mapToInt(Choice::completionTokens).average().orElseThrow();
  }

  double meanPromptTokens() {
    return byProblem.values().stream().flatMap(List::stream).mapToInt(Choice::promptTokens).average().orElseThrow();
  }

  /** Mean over traces of the mean over tokens of the entropy of the top k renormalised. */
  double meanEntropy() {
    return byProblem.values().stream().flatMap(List::stream)
        .mapToDouble(c -> c.tops().stream().mapToDouble(t -> entropy(largest(t))).average().orElseThrow())
        .average().orElseThrow();
  }

  /** Mean over traces of the mean over tokens of minus the mean top-k logprob. */
  double meanConfidence() {
    return byProblem.values().stream().flatMap(List::stream)
        .mapToDouble(c -> c.tops().stream().mapToDouble(t -> -java.util.Arrays.stream(largest(t)).average()
            .orElseThrow()).average().orElseThrow())
        .average().orElseThrow();
  }

  private double[] largest(double[] values) {
    return java.util.Arrays.stream(values).boxed().sorted((a, b) -> Double.compare(b, a)).limit(topWanted)
        .mapToDouble(Double::doubleValue).toArray();
  }

  /** Shannon entropy of the top values' probabilities renormalised to sum to 1, by hand. */
  static double entropy(double... logprobs) {
    double mass = 0;
    for (double lp : logprobs) {
      mass += Math.exp(lp);
    }
    double h = 0;
    for (double lp : logprobs) {
      double q = Math.exp(lp) / mass;
      h -= q * Math.log(q);
    }
    return h;
  }
}
