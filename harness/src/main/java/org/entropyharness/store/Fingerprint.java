package org.entropyharness.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a cell's result depends on, hashed part by part so that a mismatch can say which part differs.
 *
 * @param dataset sha256 of the dataset content (files and generator parameters)
 * @param weights sha256 of the model weights, or of a remote model's name and endpoint configuration
 * @param method sha256 of the method id and its canonical parameters
 * @param seed the seed, as text
 * @param protocol sha256 of the protocol section (batching, resets, prompt, limits)
 */
public record Fingerprint(String dataset, String weights, String method, String seed, String protocol) {
  public Fingerprint {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(protocol, "protocol");
  }

  /** sha256 of text, as lower-case hex. */
  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parts by name, in a fixed order. */
  public Map<String, String> parts() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("dataset", dataset);
    parts.put("weights", weights);
    parts.put("method", method);
    parts.put("seed", seed);
    parts.put("protocol", protocol);
    return parts;
  }

  /** One hash over all parts. */
  public String value() {
    return sha256(String.join("|", parts().values()));
  }

  /** The names of the parts that differ from {@code other}, in order. */
  public List<String> differingParts(Fingerprint other) {
    List<String> names = new ArrayList<>();
    Map<String, String> theirs = other.parts();
    parts().forEach((name, hash) -> {
      if (!hash.equals(theirs.get(name))) {
        names.add(name);
      }
    });
    return names;
  }

  /** The parts as one line, stored beside the combined hash: {@code dataset=…;weights=…;…}. */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    parts().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
    return sb.toString();
  }

  /** Reads {@link #encode()}'s form back. */
  public static Fingerprint decode(String encoded) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : encoded.split(";")) {
      int eq = part.indexOf('=');
      parts.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return new Fingerprint(
        parts.get("dataset"), parts.get("weights"), parts.get("method"), parts.get("seed"), parts.get("protocol"));
  }
}
