package org.entropyharness.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  void should_escape_line_breaks_controls_and_bidirectional_overrides() {
    assertThat(Printable.escape("a\nb\r\tc")).isEqualTo("a\\nb\\r\\tc");
    assertThat(Printable.escape("\u202egnp.exe")).isEqualTo("\\u202egnp.exe");
    assertThat(Printable.escape("x\u2066y\u2069\u200f")).isEqualTo("x\\u2066y\\u2069\\u200f");
    assertThat(Printable.escape("bell\u0007 del\u007f c1\u0085 ls\u2028")).isEqualTo("bell\\u0007 del\\u007f c1\\u0085 ls\\u2028");
  }

  @Test
  void should_leave_printable_text_as_it_is() {
    String text = "tent@1 fog/5 déjà vu — 温度 ±0.5% \\path";
    assertThat(Printable.escape(text)).isSameAs(text);
    assertThat(Printable.isSafe(text)).isTrue();
    assertThat(Printable.isSafe("a\nb")).isFalse();
  }
}
