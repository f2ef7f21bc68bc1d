package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkingTokensTest {

  @Test
  void should_agree_with_numpy() throws IOException {
    // Fixture written by make_forking_fixture.py (numpy.percentile, default 'linear' method), next to the file.
    Map<String, double[]> arrays = new HashMap<>();
    List<String[]> cases = new ArrayList<>();
    for (String line : lines("/metric/forking-tokens.tsv")) {
      String[] f = line.split("\t");
      if (f[0].equals("array")) {
        arrays.put(f[1], Arrays.stream(f[2].split(",")).mapToDouble(Double::parseDouble).toArray());
      } else {
        cases.add(f);
      }
    }
    assertThat(cases).hasSize(32);
    for (String[] c : cases) {
      double[] base = arrays.get(c[1]);
      double[] model = arrays.get(c[2]);
      double p = Double.parseDouble(c[3]);
      String what = String.join(" ", c);

      ForkingThreshold threshold = ForkingTokens.threshold(base, p);

      assertThat(threshold.value()).as(what).isCloseTo(Double.parseDouble(c[4]), within(1e-12));
      assertThat(threshold.percentile()).isEqualTo(p);
      assertThat(threshold.referenceTokens()).isEqualTo(base.length);
      assertThat(ForkingTokens.share(model, threshold.value())).as(what).isEqualTo(Double.parseDouble(c[5]));
      assertThat(ForkingTokens.overlap(base, model, p)).as(what).isEqualTo(Double.parseDouble(c[6]));
    }
  }

  @Test
  void should_count_overlap_by_hand() {
    // 10 tokens. Base: 80th percentile of 0..9 is 7.2 (position 0.8·9 = 7.2) → B = {8, 9} (values 8, 9).
    // Model: same values shuffled so positions 9 and 3 hold the two largest → M = {9, 3}. |B ∩ M| / |B| = 1/2.
    double[] base = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] model = {0, 1, 2, 8, 4, 5, 6, 7, 3, 9};

    assertThat(ForkingTokens.threshold(base, ForkingTokens.DEFAULT_PERCENTILE).value()).isCloseTo(7.2, within(1e-12));
    assertThat(ForkingTokens.overlap(base, model, 80)).isEqualTo(0.5);
    assertThat(ForkingTokens.share(model, 7.2)).isEqualTo(0.2);
  }

  @Test
  void should_pool_traces_for_the_overlap() {
    // The same 10 tokens as above, split into traces of 4 and 6.
    float[][] base = {{0, 1, 2, 3}, {4, 5, 6, 7, 8, 9}};
    float[][] model = {{0, 1, 2, 8}, {4, 5, 6, 7, 3, 9}};

    assertThat(ForkingTokens.overlapOfTraces(base, model, 80)).isEqualTo(0.5);
    assertThatThrownBy(() -> ForkingTokens.overlapOfTraces(base, new float[][] {{0, 1, 2}, {4, 5, 6, 7, 3, 9}}, 80))
        .hasMessage("overlap needs the base and the model scored on the same tokens: trace 0 has 4 base entropies, "
            + "3 model entropies");
  }

  @Test
  void should_leave_empty_inputs_missing() {
    ForkingThreshold none = ForkingTokens.threshold(new double[0], 80);

    assertThat(none.value()).isNaN();
    assertThat(none.referenceTokens()).isZero();
    assertThat(ForkingTokens.share(new double[0], 0.5)).isNaN();
    assertThat(ForkingTokens.share(new double[] {1.0}, Double.NaN)).isNaN();
    assertThat(ForkingTokens.overlap(new double[0], new double[0], 80)).isNaN();
  }

  @Test
  void should_reject_bad_arguments() {
    assertThatThrownBy(() -> ForkingTokens.threshold(new double[] {1}, 120))
        .hasMessage("percentile must be in [0, 100]: 120.0");
    assertThatThrownBy(() -> ForkingTokens.share(new double[] {1, Double.NaN}, 0.5))
        .hasMessage("token entropies must be finite: token 1 has NaN");
    assertThatThrownBy(() -> ForkingTokens.overlap(new double[] {1, 2}, new double[] {1}, 80))
        .hasMessage(
            "overlap needs the base and the model scored on the same tokens: 2 base entropies, 1 model entropies");
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = ForkingTokensTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
