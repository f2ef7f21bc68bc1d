package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeepConfTest {

  @Test
  void should_match_brute_force_group_confidences_and_scores() {
    Random random = new Random(4);
    float[] c = new float[50];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) (random.nextDouble() * 5);
    }
    int w = 8;
    double[] naive = new double[c.length - w + 1];
    for (int g = 0; g < naive.length; g++) {
      for (int i = g; i < g + w; i++) {
        naive[g] += c[i] / (double) w;
      }
    }

    TraceConfidence score = DeepConf.score(c, w);

    double[] sorted = naive.clone();
    Arrays.sort(sorted);
    // 43 groups: the bottom 10% is the lowest ceil(4.3) = 5.
    assertThat(score.bottom10()).isCloseTo(Arrays.stream(sorted).limit(5).average().orElseThrow(), within(1e-9));
    assertThat(score.lowestGroup()).isCloseTo(sorted[0], within(1e-9));
    double tail = 0;
    for (int i = c.length - w; i < c.length; i++) {
      tail += c[i] / (double) w;
    }
    assertThat(score.tail()).isCloseTo(tail, within(1e-9));
    assertThat(score.mean()).isCloseTo(mean(c), within(1e-9));
  }

  @Test
  void should_use_the_whole_trace_as_one_group_when_shorter_than_the_window() {
    float[] c = {1f, 2f, 3f};

    assertThat(DeepConf.score(c, DeepConf.DEFAULT_WINDOW)).isEqualTo(new TraceConfidence(2, 2, 2, 2));
  }

  private static double mean(float[] xs) {
    double sum = 0;
    for (float x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }
}
