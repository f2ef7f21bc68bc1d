package org.entropyharness.data.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stream orders against {@code benchmarks/python/dirichlet_stream_reference.py}: the same sampling written in
 * Python on the same explicit generator, run over the labels of the first CIFAR-10 test images.
 */
class DirichletOrderTest {
  private static final Path FIXTURE = Path.of("src/test/resources/data/stream/dirichlet-orders.txt");
  private static final Path TEST_BATCH = Path.of("../datasets/cifar10/test_batch.bin");

  @Test
  void should_draw_the_published_splitmix64_sequence() {
    // Seed 0's first output is the published test vector of SplitMix64 (0xE220A8397B1DCDAF).
    assertThat(new SplitMix64(0).nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    for (long seed : new long[] {0, 1, 2}) {
      SplitMix64 random = new SplitMix64(seed);
      long[] drawn = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
      assertThat(Arrays.stream(drawn).mapToObj(Long::toUnsignedString).toList())
          .isEqualTo(fixture("splitmix-" + seed));
    }
  }

  @Test
  void should_match_the_python_reference_index_for_index() throws IOException {
    assertOrder(1000, 0.1, 1);
    assertOrder(1000, 0.1, 2);
    assertOrder(1000, 0.01, 1);
    assertOrder(2000, 1.0, 3);
    assertOrder(300, 0.1, 5);
  }

  @Test
  void should_shuffle_as_the_python_reference() throws IOException {
    int[] labels = labels(300);
    SplitMix64 random = new SplitMix64(7);
    int[] items = java.util.stream.IntStream.range(0, labels.length).toArray();
    random.shuffle(items);
    assertThat(strings(items)).isEqualTo(fixture("shuffle-300-7"));
  }

  @Test
  void should_give_the_same_order_for_the_same_seed_and_another_for_another() throws IOException {
    int[] labels = labels(1000);
    int[] a = shuffledThenCorrelated(labels, 0.1, 4);
    int[] b = shuffledThenCorrelated(labels, 0.1, 4);
    int[] c = shuffledThenCorrelated(labels, 0.1, 5);
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(Arrays.stream(a).sorted().toArray())
        .isEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
  }

  @Test
  void should_make_long_runs_of_one_label_when_the_concentration_is_small() throws IOException {
    int[] labels = labels(1000);
    // Each of the 10 chunks lays its classes out one after another, so the label changes at most 10 · 10 − 1 = 99
    // times; with a large δ every chunk holds every class (close to 99 changes), with δ = 0.01 each class falls
    // into one or two chunks (close to 10).
    assertThat(labelChanges(labels, shuffledThenCorrelated(labels, 100.0, 1))).isBetween(90, 99);
    assertThat(labelChanges(labels, shuffledThenCorrelated(labels, 0.01, 1))).isLessThan(30);
  }

  @Test
  void should_refuse_a_concentration_that_is_not_positive() {
    assertThatThrownBy(() -> DirichletOrder.order(new int[] {0, 1}, 0, new SplitMix64(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dirichlet concentration must be a positive number, found 0.0");
  }

  @Test
  void should_say_when_the_chunks_cannot_be_filled() {
    assertThatThrownBy(() -> DirichletOrder.order(new int[] {0, 1, 0, 1}, 0.1, new SplitMix64(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("could not correlate 4 labels with dirichlet 0.1 so that each of 2 chunks holds 10 items; use a "
            + "larger dirichlet value or more images");
  }

  private static int labelChanges(int[] labels, int[] order) {
    int changes = 0;
    for (int i = 1; i < order.length; i++) {
      changes += labels[order[i]] != labels[order[i - 1]] ? 1 : 0;
    }
    return changes;
  }

  private static void assertOrder(int count, double delta, long seed) throws IOException {
    int[] order = shuffledThenCorrelated(labels(count), delta, seed);
    assertThat(strings(order)).as("dirichlet-%d-%s-%d", count, delta, seed)
        .isEqualTo(fixture("dirichlet-" + count + "-" + delta + "-" + seed));
  }

  /** The reference's shuffled_then_correlated: shuffle the items, then the Dirichlet order of the shuffled list. */
  static int[] shuffledThenCorrelated(int[] labels, double delta, long seed) {
    SplitMix64 random = new SplitMix64(seed);
    int[] items = java.util.stream.IntStream.range(0, labels.length).toArray();
    random.shuffle(items);
    int[] shuffledLabels = Arrays.stream(items).map(i -> labels[i]).toArray();
    int[] order = DirichletOrder.order(shuffledLabels, delta, random);
    return Arrays.stream(order).map(i -> items[i]).toArray();
  }

  private static List<String> strings(int[] values) {
    return Arrays.stream(values).mapToObj(Integer::toString).toList();
  }

  private static List<String> fixture(String tag) {
    try {
      return Files.readAllLines(FIXTURE).stream().filter(l -> l.startsWith(tag + " ")).findFirst()
          .map(l -> List.of(l.substring(tag.length() + 1).trim().split(" ")))
          .orElseThrow(() -> new AssertionError("no line " + tag + " in " + FIXTURE));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int[] labels(int count) throws IOException {
    byte[] raw = Files.readAllBytes(TEST_BATCH);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = raw[i * 3073] & 0xff;
    }
    return out;
  }
}
