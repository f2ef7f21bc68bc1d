package org.entropyharness.metric.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes chat-template tokens from a model's text: a role header at the start ({@code <|im_start|>assistant}) is
 * dropped, and the text ends at the first token that closes the turn or opens the next one ({@code <|im_end|>},
 * {@code <|im_start|>user}, {@code <|eot_id|>}, {@code </s>}, …), so a hallucinated next turn is not graded.
 */
final class ChatTemplate {
  private static final String TOKEN =
      "<\\|(?:im_start|im_end|eot_id|endoftext|end|user|assistant|system|eom_id|start_header_id|end_header_id)\\|>"
          + "|</s>|<s>|<end_of_turn>|<start_of_turn>|<\uff5cend\u2581of\u2581sentence\uff5c>";
  private static final Pattern HEADER =
      Pattern.compile("^(?:\\s*(?:" + TOKEN + ")\\s*(?:assistant|model)?)+\\s*");
  private static final Pattern TURN_END = Pattern.compile(TOKEN);

  private ChatTemplate() {}

  static String strip(String text) {
    if (text.indexOf('<') < 0) {
      return text;
    }
    Matcher header = HEADER.matcher(text);
    String s = header.lookingAt() ? text.substring(header.end()) : text;
    Matcher end = TURN_END.matcher(s);
    return end.find() ? s.substring(0, end.start()) : s;
  }
}
