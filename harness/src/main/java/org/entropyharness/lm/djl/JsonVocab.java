package org.entropyharness.lm.djl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.format.DataFormatException;

/**
 * A vocabulary read from a JSON object {@code {"0": "<eos>", "1": "a", ...}} (id to token text), tokenizing by
 * greedy longest match.
 *
 * <p>Limitation: this is not a BPE or SentencePiece tokenizer. No tokenizer library runs offline here, so models
 * whose tokenizer merges differ from longest match (most released LLMs) will see other token ids than they were
 * trained on. It is exact for character-level and whole-word vocabularies.
 */
public final class JsonVocab {
  private final String[] tokens;
  private final Map<String, Integer> ids = new HashMap<>();
  private final int maxTokenLength;

  private JsonVocab(String[] tokens) {
    this.tokens = tokens;
    int max = 1;
    for (int i = 0; i < tokens.length; i++) {
      ids.putIfAbsent(tokens[i], i);
      max = Math.max(max, tokens[i].length());
    }
    this.maxTokenLength = max;
  }

  /**
   * Reads the file; ids must be 0..V-1 with none missing.
   *
   * @throws DataFormatException naming {@code file:line:col:} and the fix
   */
  public static JsonVocab read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(org.entropyharness.guard.InputFiles.readUtf8(file,
          org.entropyharness.guard.FileKind.TEXT));
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new DataFormatException(file + ":" + (loc == null ? 1 : loc.getLineNr()) + ":"
          + (loc == null ? 1 : loc.getColumnNr()) + ": malformed JSON (" + e.getOriginalMessage()
          + "); the vocabulary is one object {\"id\": \"token\", ...}");
    }
    if (root == null || !root.isObject() || root.isEmpty()) {
      throw new DataFormatException(file + ":1:1: expected a non-empty object {\"0\": \"token\", ...}");
    }
    String[] tokens = new String[root.size()];
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      int id = parseId(file, e.getKey(), tokens.length);
      tokens[id] = e.getValue().asText();
    }
    return new JsonVocab(tokens);
  }

  private static int parseId(Path file, String key, int size) throws DataFormatException {
    try {
      int id = Integer.parseInt(key);
      if (id >= 0 && id < size) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below with the fix
    }
    throw new DataFormatException(file + ":1:1: key '" + key + "' is not an id in 0.." + (size - 1)
        + "; keys must be the ids 0..V-1, each once");
  }

  /** Vocabulary size V. */
  public int size() {
    return tokens.length;
  }

  /** The id of a token text, or -1. */
  public int id(String token) {
    return ids.getOrDefault(token, -1);
  }

  /** The text of a token id. */
  public String token(int id) {
    return tokens[id];
  }

  /**
   * Greedy longest-match tokenization.
   *
   * @throws IllegalArgumentException naming the first character no token covers
   */
  public List<Integer> encode(String text) {
    List<Integer> out = new ArrayList<>();
    int pos = 0;
    while (pos < text.length()) {
      int found = -1;
      int len = Math.min(maxTokenLength, text.length() - pos);
      for (; len > 0 && found < 0; len--) {
        found = ids.getOrDefault(text.substring(pos, pos + len), -1);
      }
      if (found < 0) {
        throw new IllegalArgumentException("no vocabulary token covers '" + text.charAt(pos) + "' at offset " + pos
            + " of the prompt; add it to the vocabulary or change the prompt");
      }
      out.add(found);
      pos += tokens[found].length();
    }
    return out;
  }

  /** Concatenated token texts. */
  public String decode(List<Integer> ids) {
    StringBuilder sb = new StringBuilder();
    ids.forEach(i -> sb.append(tokens[i]));
    return sb.toString();
  }
}
