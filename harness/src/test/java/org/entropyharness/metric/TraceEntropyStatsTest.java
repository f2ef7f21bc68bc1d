package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceEntropyStatsTest {

  @Test
  void should_summarise_a_small_trace_by_hand() {
    float[] h = {0.1f, 2.0f, 0.3f, 1.5f, 0.1f};

    TraceEntropyStats s = TraceEntropyStats.of(h, 1.0, 2);

    assertThat(s.mean()).isCloseTo(0.8, within(1e-6));
    assertThat(s.p50()).isCloseTo(0.3, within(1e-6));
    assertThat(s.highShare()).isEqualTo(0.4);
    assertThat(s.maxWindowMean()).isCloseTo(1.15, within(1e-6));
  }

  @Test
  void should_match_brute_force_window_means() {
    Random random = new Random(2);
    double[] xs = new double[300];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextDouble() * 3;
    }
    for (int w : new int[] {1, 7, 64, 300, 1000}) {
      int width = Math.min(w, xs.length);
      double best = Double.NEGATIVE_INFINITY;
      for (int start = 0; start + width <= xs.length; start++) {
        double sum = 0;
        for (int i = start; i < start + width; i++) {
          sum += xs[i];
        }
        best = Math.max(best, sum / width);
      }
      assertThat(TraceEntropyStats.maxWindowMean(xs, w)).as("window %d", w).isCloseTo(best, within(1e-9));
    }
  }
}
