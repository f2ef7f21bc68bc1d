package org.entropyharness.data.corrupt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.ImageBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorruptionsTest {
  /*
   * The noise tables of hendrycks/robustness ImageNet-C/create_c/make_cifar_c.py, copied from that script (not from
   * NoiseOps): gaussian_noise's scale, shot_noise's photon count, impulse_noise's amount, severities 1..5.
   */
  private static final double[] GAUSSIAN_SD = {0.04, 0.06, 0.08, 0.09, 0.10};
  private static final double[] SHOT_PHOTONS = {500, 250, 100, 75, 50};
  private static final double[] IMPULSE_AMOUNT = {0.01, 0.02, 0.03, 0.05, 0.07};
  private static ImageBatch clean;

  @BeforeAll
  static void readImages() throws Exception {
    Path root = Path.of(System.getProperty("harness.root", "..")).toAbsolutePath();
    clean = CifarBinaryReader.read(root.resolve("datasets/cifar10/test_batch.bin"), 50);
  }

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void should_give_the_same_bytes_for_the_same_seed_whatever_the_thread_count(Corruption c) throws Exception {
    ImageBatch batch = clean.slice(0, 12);
    ImageBatch one = inPool(1, batch, c);
    ImageBatch two = inPool(2, batch, c);
    assertThat(two.pixels()).isEqualTo(one.pixels());
    assertThat(Corruptions.apply(batch, c, 5, 42).pixels()).isEqualTo(one.pixels());
  }

  @ParameterizedTest
  @EnumSource(value = Corruption.class, names = {"CONTRAST", "BRIGHTNESS", "DEFOCUS_BLUR", "PIXELATE",
      "JPEG_COMPRESSION", "ZOOM_BLUR"}, mode = EnumSource.Mode.EXCLUDE)
  void should_draw_other_noise_for_another_seed(Corruption c) {
    ImageBatch batch = clean.slice(0, 4);
    assertThat(Corruptions.apply(batch, c, 3, 1).pixels()).isNotEqualTo(Corruptions.apply(batch, c, 3, 2).pixels());
  }

  @Test
  void should_not_depend_on_which_images_share_the_batch() {
    ImageBatch alone = Corruptions.apply(clean.slice(0, 3), Corruption.GLASS_BLUR, 2, 9);
    ImageBatch inBatch = Corruptions.apply(clean.slice(0, 10), Corruption.GLASS_BLUR, 2, 9);
    assertThat(Arrays.copyOf(inBatch.pixels(), alone.pixels().length)).isEqualTo(alone.pixels());
  }

  /** Corruptions whose distortion does not grow steadily in the reference tables (see docs/corruptions.md). */
  private static final List<Corruption> NON_MONOTONE =
      List.of(Corruption.GLASS_BLUR, Corruption.MOTION_BLUR, Corruption.FROST, Corruption.ELASTIC_TRANSFORM);

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void should_move_further_from_the_clean_image_as_severity_grows(Corruption c) {
    double[] mad = new double[6];
    for (int s = 1; s <= 5; s++) {
      mad[s] = meanAbsoluteDifference(Corruptions.apply(clean, c, s, 3), clean);
      assertThat(mad[s]).as("%s severity %d", c.id(), s).isGreaterThan(0.5);
    }
    if (!NON_MONOTONE.contains(c)) {
      for (int s = 2; s <= 5; s++) {
        assertThat(mad[s]).as("%s severity %d vs %d", c.id(), s, s - 1).isGreaterThanOrEqualTo(mad[s - 1]);
      }
    } else if (c == Corruption.ELASTIC_TRANSFORM) {
      assertThat(mad[5]).as("the affine jitter shrinks 2.56 -> 0.96 px with severity").isLessThan(mad[1]);
    } else {
      assertThat(mad[5]).isGreaterThan(mad[1]);
      assertThat(mad[4]).isGreaterThan(mad[2]);
    }
  }

  @Test
  void should_add_gaussian_noise_of_the_tabled_deviation_on_flat_grey() {
    for (int s = 1; s <= 5; s++) {
      double[] stats = meanVariance(Corruptions.apply(grey(128, 32), Corruption.GAUSSIAN_NOISE, s, 5));
      double sd = GAUSSIAN_SD[s - 1] * 255;
      // truncation of x in (k, k+1) to k lowers the mean by 0.5 on average
      assertThat(stats[0]).isCloseTo(127.5, org.assertj.core.data.Offset.offset(0.3));
      assertThat(stats[1]).isCloseTo(sd * sd + 1.0 / 12, org.assertj.core.data.Percentage.withPercentage(4));
    }
  }

  @Test
  void should_draw_shot_noise_with_poisson_mean_and_variance() {
    for (int s = 1; s <= 5; s++) {
      double photons = SHOT_PHOTONS[s - 1];
      double[] stats = meanVariance(Corruptions.apply(grey(128, 32), Corruption.SHOT_NOISE, s, 5));
      double lambda = 128 / 255.0 * photons;
      double step = 255 / photons;
      // values are k·255/c truncated: the mean drops by about half a level, the variance is λ·(255/c)²
      assertThat(stats[0]).isCloseTo(128 - 0.5, org.assertj.core.data.Offset.offset(0.6));
      assertThat(stats[1]).isCloseTo(lambda * step * step, org.assertj.core.data.Percentage.withPercentage(5));
    }
  }

  @Test
  void should_flip_the_tabled_fraction_of_values_to_black_or_white() {
    for (int s = 1; s <= 5; s++) {
      ImageBatch out = Corruptions.apply(grey(128, 32), Corruption.IMPULSE_NOISE, s, 5);
      long white = 0;
      long black = 0;
      for (byte b : out.pixels()) {
        white += (b & 0xff) == 255 ? 1 : 0;
        black += (b & 0xff) == 0 ? 1 : 0;
      }
      double n = out.pixels().length;
      double amount = IMPULSE_AMOUNT[s - 1];
      double tolerance = 4 * Math.sqrt(amount / 2 * n) / n;
      assertThat(white / n).isCloseTo(amount / 2, org.assertj.core.data.Offset.offset(tolerance));
      assertThat(black / n).isCloseTo(amount / 2, org.assertj.core.data.Offset.offset(tolerance));
    }
  }

  /**
   * Reference: benchmarks/python/cifar_c_reference.py, make_cifar_c.py's contrast run by numpy on the first 8 test
   * images, severities 1..5: the SHA-256 of its uint8 output and two pixels of severity 5.
   */
  @Test
  void should_give_the_bytes_numpy_gives_for_contrast() throws Exception {
    ImageBatch images = clean.slice(0, 8);
    java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
    byte[] severity5 = null;
    for (int s = 1; s <= 5; s++) {
      severity5 = Corruptions.apply(images, Corruption.CONTRAST, s, 1).pixels();
      sha256.update(severity5);
    }

    assertThat(new int[] {severity5[0] & 0xff, severity5[1] & 0xff, severity5[2] & 0xff}).containsExactly(117, 110, 96);
    int last = (31 * 32 + 31) * 3;
    assertThat(new int[] {severity5[last] & 0xff, severity5[last + 1] & 0xff, severity5[last + 2] & 0xff})
        .containsExactly(96, 104, 105);
    assertThat(java.util.HexFormat.of().formatHex(sha256.digest()))
        .isEqualTo("bc20aaae802771b77f8ad856dfc249bf7bb510bf3643a9333a3b39179fe948a4");
  }

  @Test
  void should_keep_a_flat_colour_through_jpeg_and_pixelate() {
    byte[] px = new byte[32 * 32 * 3];
    for (int i = 0; i < px.length; i += 3) {
      px[i] = (byte) 200;
      px[i + 1] = 30;
      px[i + 2] = 90;
    }
    ImageBatch flat = new ImageBatch(32, 32, px, new int[1], List.of("flat"));
    for (Corruption c : List.of(Corruption.JPEG_COMPRESSION, Corruption.PIXELATE)) {
      byte[] out = Corruptions.apply(flat, c, 5, 1).pixels();
      for (int i = 0; i < out.length; i++) {
        assertThat(out[i] & 0xff).as("%s value %d", c.id(), i).isCloseTo(px[i] & 0xff, org.assertj.core.data.Offset.offset(3));
      }
    }
  }

  @Test
  void should_prefix_ids_with_corruption_and_severity_and_keep_labels() {
    ImageBatch out = Corruptions.apply(clean.slice(0, 2), Corruption.FOG, 4, 1);
    assertThat(out.ids()).containsExactly("fog/4/test_batch/0", "fog/4/test_batch/1");
    assertThat(out.labels()).containsExactly(clean.labels()[0], clean.labels()[1]);
  }

  @Test
  void should_list_allowed_names_for_an_unknown_corruption() {
    assertThat(Corruption.parse("zoom_blur")).isEqualTo(Corruption.ZOOM_BLUR);
    assertThatThrownBy(() -> Corruption.parse("gausian_noise"))
        .hasMessageStartingWith("unknown corruption 'gausian_noise'; allowed: gaussian_noise, shot_noise,")
        .hasMessageEndingWith("pixelate, jpeg_compression");
    assertThatThrownBy(() -> Corruptions.apply(clean, Corruption.FOG, 6, 1))
        .hasMessage("severity 6 is out of range; allowed: 1, 2, 3, 4, 5");
  }

  /** make_cifar_c.py's zoom tables: len(np.arange(1, stop, 0.01)) for stop 1.06 … 1.26, as numpy gives them. */
  @Test
  void should_average_the_cifar_script_number_of_zoom_factors() {
    assertThat(java.util.stream.IntStream.rangeClosed(1, 5).map(BlurOps::zoomFactorCount).toArray())
        .containsExactly(7, 12, 16, 21, 26);
  }

  private static ImageBatch inPool(int threads, ImageBatch batch, Corruption c) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> Corruptions.apply(batch, c, 5, 42)).get();
    } finally {
      pool.shutdown();
    }
  }

  private static ImageBatch grey(int value, int count) {
    byte[] px = new byte[count * 32 * 32 * 3];
    Arrays.fill(px, (byte) value);
    return new ImageBatch(32, 32, px, new int[count], java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> "grey/" + i).toList());
  }

  private static double[] meanVariance(ImageBatch b) {
    double sum = 0;
    double sq = 0;
    for (byte v : b.pixels()) {
      sum += v & 0xff;
      sq += (v & 0xff) * (double) (v & 0xff);
    }
    double n = b.pixels().length;
    double mean = sum / n;
    return new double[] {mean, sq / n - mean * mean};
  }

  static double meanAbsoluteDifference(ImageBatch a, ImageBatch b) {
    double d = 0;
    for (int i = 0; i < a.pixels().length; i++) {
      d += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
    }
    return d / a.pixels().length;
  }
}
