package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SecondCoreTest {

  @Test
  void should_run_every_row_once_across_the_two_halves() {
    AtomicInteger[] seen = new AtomicInteger[13];
    for (int i = 0; i < seen.length; i++) {
      seen[i] = new AtomicInteger();
    }
    SecondCore.splitRows(13, (from, to) -> {
      for (int r = from; r < to; r++) {
        seen[r].incrementAndGet();
      }
    });
    assertThat(seen).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }

  @Test
  void should_pass_on_a_failure_of_the_second_half_and_stay_usable() {
    assertThatThrownBy(() -> SecondCore.runBoth(() -> {}, () -> {
      throw new IllegalStateException("second half failed");
    })).isInstanceOf(IllegalStateException.class).hasMessage("second half failed");

    var threads = ConcurrentHashMap.<String>newKeySet();
    SecondCore.runBoth(() -> threads.add(Thread.currentThread().getName()),
        () -> threads.add(Thread.currentThread().getName()));
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(threads).as("the halves ran on two threads when there are two cores").hasSize(cores >= 2 ? 2 : 1);
  }
}
