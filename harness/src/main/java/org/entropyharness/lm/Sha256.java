package org.entropyharness.lm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex sha256 of text parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ. */
public final class Sha256 {
  private Sha256() {}

  /** Lower-case hex sha256 over the length-prefixed UTF-8 parts. */
  public static String of(String... parts) {
    MessageDigest md = digest();
    for (String p : parts) {
      byte[] b = p.getBytes(StandardCharsets.UTF_8);
      md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
      md.update(b);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
