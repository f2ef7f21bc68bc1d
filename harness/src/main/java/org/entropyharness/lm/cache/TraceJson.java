package org.entropyharness.lm.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.Trace;

/** One cache line: {@code {"key": ..., "traces": [...]}}, written field by field so the format is ours to keep. */
final class TraceJson {
  private TraceJson() {}

  static ObjectNode line(ObjectMapper json, String key, List<Trace> traces) {
    ObjectNode line = json.createObjectNode().put("key", key);
    ArrayNode arr = line.putArray("traces");
    for (Trace t : traces) {
      ObjectNode o = arr.addObject()
          .put("text", t.text())
          .put("promptTokens", t.promptTokens())
          .put("completionTokens", t.completionTokens())
          .put("entropyTopK", t.provenance().topK())
          .put("finishReason", t.finishReason())
          .put("error", t.error());
      floats(o.putArray("tokenEntropies"), t.tokenEntropies());
      floats(o.putArray("tokenConfidences"), t.tokenConfidences());
      floats(o.putArray("tokenLogprobs"), t.tokenLogprobs());
      if (!t.notes().isEmpty()) {
        ObjectNode notes = o.putObject("notes");
        t.notes().forEach((measure, note) -> notes.put(measure.name(), note));
      }
    }
    return line;
  }

  static List<Trace> traces(JsonNode line) {
    List<Trace> traces = new ArrayList<>();
    for (JsonNode o : line.path("traces")) {
      traces.add(new Trace(
          o.path("text").asText(),
          o.path("promptTokens").asInt(),
          o.path("completionTokens").asInt(),
          floats(o.path("tokenEntropies")),
          floats(o.path("tokenConfidences")),
          floats(o.path("tokenLogprobs")),
          new EntropyProvenance(o.path("entropyTopK").asInt()),
          o.path("finishReason").isNull() ? null : o.path("finishReason").asText(),
          o.path("error").isNull() || o.path("error").isMissingNode() ? null : o.path("error").asText(),
          notes(o.path("notes"))));
    }
    return traces;
  }

  /** Lines written before traces had notes have none; unknown kinds are an error, not silently dropped. */
  private static Map<Trace.Measure, String> notes(JsonNode node) {
    Map<Trace.Measure, String> notes = new EnumMap<>(Trace.Measure.class);
    node.fields().forEachRemaining(e -> notes.put(Trace.Measure.valueOf(e.getKey()), e.getValue().asText()));
    return notes;
  }

  /** NaN (an undefined entropy) has no JSON number, so non-finite values are written as strings. */
  private static void floats(ArrayNode arr, float[] values) {
    for (float v : values) {
      if (Float.isFinite(v)) {
        arr.add(v);
      } else {
        arr.add(Float.toString(v));
      }
    }
  }

  private static float[] floats(JsonNode arr) {
    float[] v = new float[arr.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode n = arr.get(i);
      v[i] = n.isTextual() ? Float.parseFloat(n.asText()) : n.floatValue();
    }
    return v;
  }
}
