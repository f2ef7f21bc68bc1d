package org.entropyharness.metric.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The golden answer pairs of {@code answers/answer-pairs.jsonl}: reference, model output, expected verdict. */
record GoldenPairs(List<Pair> pairs) {

  /** One pair, with the category and public source it was written after. */
  record Pair(int line, String category, String source, ReferenceAnswer reference, String output, boolean expected) {}

  static GoldenPairs load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Pair> pairs = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        GoldenPairs.class.getResourceAsStream("/answers/answer-pairs.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        JsonNode c = json.readTree(line);
        List<String> answers = new ArrayList<>();
        if (c.get("answer").isArray()) {
          c.get("answer").forEach(a -> answers.add(a.asText()));
        } else {
          answers.add(c.get("answer").asText());
        }
        ReferenceAnswer.Combination combination = c.has("answers")
            ? ReferenceAnswer.Combination.fromId(c.get("answers").asText()) : ReferenceAnswer.Combination.ALL;
        pairs.add(new Pair(number, c.get("category").asText(), c.get("source").asText(),
            new ReferenceAnswer(answers, combination), c.get("output").asText(), c.get("expected").asBoolean()));
      }
    }
    return new GoldenPairs(List.copyOf(pairs));
  }
}
