package org.entropyharness.lm.embedded;

/**
 * The embedded model's character-level tokenizer: three special tokens (padding, begin, end) followed by one token
 * per character of {@link #CHARACTERS}. A prompt is framed as {@code <bos> prompt \n}; the completion follows and
 * ends with {@code <eos>}.
 */
public final class CharTokenizer {
  public static final int PAD = 0;
  public static final int BOS = 1;
  public static final int EOS = 2;
  /** The characters the model knows, in token order after the three special tokens. */
  public static final String CHARACTERS = "\n =+-*/()0123456789\\{}bdeox";

  private static final int SPECIALS = 3;

  /** Number of tokens, specials included. */
  public int vocabularySize() {
    return SPECIALS + CHARACTERS.length();
  }

  /** Token ids of {@code text}, one per character; a character outside the vocabulary is an error naming it. */
  public int[] encode(String text) {
    int[] ids = new int[text.length()];
    for (int i = 0; i < text.length(); i++) {
      int at = CHARACTERS.indexOf(text.charAt(i));
      if (at < 0) {
        throw new IllegalArgumentException(
            "prompt:1:" + (i + 1) + ": character '" + text.charAt(i) + "' is not in the embedded model's vocabulary;"
                + " give arithmetic like 3+4*2 using only the characters " + printable());
      }
      ids[i] = SPECIALS + at;
    }
    return ids;
  }

  /** {@code <bos>} + the prompt + the separator newline: the context generation starts from. */
  public int[] encodePrompt(String prompt) {
    int[] body = encode(prompt);
    int[] ids = new int[body.length + 2];
    ids[0] = BOS;
    System.arraycopy(body, 0, ids, 1, body.length);
    ids[ids.length - 1] = SPECIALS + CHARACTERS.indexOf('\n');
    return ids;
  }

  /** The text of {@code ids}; special tokens decode to nothing. */
  public String decode(int[] ids, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      out.append(text(ids[i]));
    }
    return out.toString();
  }

  /** The text of one token: its character, or "" for a special token. */
  public String text(int id) {
    if (id < 0 || id >= vocabularySize()) {
      throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + vocabularySize());
    }
    return id < SPECIALS ? "" : String.valueOf(CHARACTERS.charAt(id - SPECIALS));
  }

  private static String printable() {
    return CHARACTERS.replace("\n", "\\n").replace(" ", "' '");
  }
}
