package org.entropyharness.method.reasoning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.entropyharness.method.reasoning.TraceConfidence.Score;
import org.junit.jupiter.api.Test;

class TraceConfidenceTest {

  private static float[] randomConfidences(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] c = new float[n];
    for (int i = 0; i < n; i++) {
      c[i] = (float) (0.5 + 3 * r.nextDouble());
    }
    return c;
  }

  /** Group means by direct summation, independent of the prefix sums. */
  private static double[] bruteGroups(float[] c, int w) {
    int ww = Math.min(w, c.length);
    double[] g = new double[c.length - ww + 1];
    for (int i = 0; i < g.length; i++) {
      double s = 0;
      for (int j = i; j < i + ww; j++) {
        s += c[j];
      }
      g[i] = s / ww;
    }
    return g;
  }

  @Test
  void should_match_brute_force_for_every_score() {
    float[] c = randomConfidences(57, 4);
    int w = 8;
    double[] g = bruteGroups(c, w);
    double[] sorted = g.clone();
    Arrays.sort(sorted);
    int tenth = (int) Math.ceil(g.length / 10.0);
    double bottom = Arrays.stream(sorted, 0, tenth).average().orElseThrow();
    double tail = 0;
    for (int i = c.length - w; i < c.length; i++) {
      tail += c[i] / (double) w;
    }
    double mean = 0;
    for (float x : c) {
      mean += x / (double) c.length;
    }
    assertThat(TraceConfidence.score(c, Score.LOWEST_GROUP, w)).isCloseTo(sorted[0], within(1e-9));
    assertThat(TraceConfidence.score(c, Score.BOTTOM10, w)).isCloseTo(bottom, within(1e-9));
    assertThat(TraceConfidence.score(c, Score.TAIL, w)).isCloseTo(tail, within(1e-9));
    assertThat(TraceConfidence.score(c, Score.MEAN, w)).isCloseTo(mean, within(1e-9));
  }

  @Test
  void should_use_one_group_for_a_trace_shorter_than_the_window_and_skip_nan_tokens() {
    float[] c = {1, Float.NaN, 3};
    assertThat(TraceConfidence.score(c, Score.LOWEST_GROUP, 2048)).isEqualTo(2.0);
    assertThat(TraceConfidence.score(c, Score.LOWEST_GROUP, 1)).isEqualTo(1.0);
    assertThat(TraceConfidence.score(new float[0], Score.MEAN, 4)).isNaN();
  }
}
