package org.entropyharness.run.tta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.suite.Params;
import org.entropyharness.suite.SuiteException;
import org.junit.jupiter.api.Test;

class StreamPlanTest {
  private static final List<TtaSlice> TWO_BY_ONE = slices(List.of("fog", "snow"), List.of(5), 20);

  @Test
  void should_keep_file_order_and_reset_per_shift_when_only_reset_is_given() {
    StreamPlan plan = StreamPlan.of(spec(Map.of("reset", "per-shift")), TWO_BY_ONE, 1);

    assertThat(plan.segments()).hasSize(2);
    assertThat(plan.segments()).allSatisfy(s -> assertThat(s.resetBefore()).isTrue());
    assertThat(plan.segments().get(1).slice()).containsOnly(1);
    assertThat(plan.segments().get(1).index()).isEqualTo(IntStream.range(0, 20).toArray());
  }

  @Test
  void should_shuffle_every_segment_alike_and_reset_only_first_when_continual() {
    StreamPlan plan = StreamPlan.of(spec(Map.of("stream", "continual")), TWO_BY_ONE, 3);

    assertThat(plan.segments()).extracting(StreamPlan.Segment::resetBefore).containsExactly(true, false);
    int[] first = plan.segments().get(0).index();
    assertThat(first).isNotEqualTo(IntStream.range(0, 20).toArray());
    assertThat(Arrays.stream(first).sorted().toArray()).isEqualTo(IntStream.range(0, 20).toArray());
    // As the benchmark's loader re-seeds for every domain, each segment comes in the same order.
    assertThat(plan.segments().get(1).index()).isEqualTo(first);
  }

  @Test
  void should_pass_severities_up_and_down_within_each_corruption_when_gradual() {
    List<TtaSlice> slices = slices(List.of("fog", "snow"), List.of(1, 2, 3, 4, 5), 4);
    StreamPlan plan = StreamPlan.of(spec(Map.of("stream", "gradual")), slices, 1);

    List<String> order = plan.segments().stream().map(s -> slices.get(s.slice()[0]).name()).toList();
    assertThat(order).containsExactly("fog/1", "fog/2", "fog/3", "fog/4", "fog/5", "fog/4", "fog/3", "fog/2",
        "fog/1", "snow/1", "snow/2", "snow/3", "snow/4", "snow/5", "snow/4", "snow/3", "snow/2", "snow/1");
    assertThat(plan.segments()).extracting(StreamPlan.Segment::resetBefore).containsOnlyOnce(true);
    assertThat(plan.segments().get(0).resetBefore()).isTrue();
    assertThat(plan.segments()).extracting(StreamPlan.Segment::visit)
        .containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1);
  }

  @Test
  void should_refuse_gradual_without_every_severity() {
    assertThatThrownBy(() -> StreamPlan.of(spec(Map.of("stream", "gradual")), TWO_BY_ONE, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stream gradual needs severities 1-5 of fog; set dataset.severities: [1, 2, 3, 4, 5]");
  }

  @Test
  void should_mix_every_image_of_every_shift_into_one_segment() {
    StreamPlan plan = StreamPlan.of(spec(Map.of("stream", "mixed")), TWO_BY_ONE, 1);

    assertThat(plan.segments()).hasSize(1);
    StreamPlan.Segment all = plan.segments().get(0);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      seen.add(all.slice()[i] + ":" + all.index()[i]);
    }
    assertThat(seen).hasSize(40);
    long switches = IntStream.range(1, 40).filter(i -> all.slice()[i] != all.slice()[i - 1]).count();
    assertThat(switches).isGreaterThan(10);
  }

  @Test
  void should_give_the_same_order_for_a_seed_and_another_for_another_seed() {
    List<TtaSlice> slices = slices(List.of("fog"), List.of(5), 200);
    StreamSpec correlated = spec(Map.of("stream", "dirichlet"));
    int[] a = StreamPlan.of(correlated, slices, 1).segments().get(0).index();
    int[] b = StreamPlan.of(correlated, slices, 1).segments().get(0).index();
    int[] c = StreamPlan.of(correlated, slices, 2).segments().get(0).index();

    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(correlated.dirichlet()).isEqualTo(0.1);
    assertThat(correlated.kind()).isEqualTo("continual");
  }

  @Test
  void should_read_streams_and_refuse_contradictions() {
    assertThat(spec(Map.of("stream", "mixed", "dirichlet", 0.01)))
        .isEqualTo(new StreamSpec("mixed", true, 0.01));
    assertThat(spec(Map.of("reset", "continual"))).isEqualTo(new StreamSpec("continual", false, Double.NaN));
    assertThatThrownBy(() -> spec(Map.of("stream", "mixed", "reset", "per-shift")))
        .isInstanceOf(SuiteException.class)
        .hasMessageContaining("reset: per-shift contradicts stream: mixed; drop reset (stream decides it)");
    assertThatThrownBy(() -> spec(Map.of("dirichlet", 0.1)))
        .isInstanceOf(SuiteException.class)
        .hasMessageContaining("dirichlet needs a stream; add stream: per-shift, continual, gradual, mixed or "
            + "dirichlet");
  }

  private static StreamSpec spec(Map<String, ?> protocol) {
    return StreamSpec.from(Params.of(Path.of("suite.yaml"), protocol));
  }

  /** Slices of 1×1 images whose labels cycle through 10 classes. */
  private static List<TtaSlice> slices(List<String> corruptions, List<Integer> severities, int count) {
    List<TtaSlice> out = new ArrayList<>();
    for (String c : corruptions) {
      for (int s : severities) {
        int[] labels = IntStream.range(0, count).map(i -> i % 10).toArray();
        List<String> ids = IntStream.range(0, count).mapToObj(i -> c + "/" + s + "/" + i).toList();
        out.add(new TtaSlice(c + "/" + s, new ImageBatch(1, 1, new byte[count * 3], labels, ids)));
      }
    }
    return out;
  }
}
