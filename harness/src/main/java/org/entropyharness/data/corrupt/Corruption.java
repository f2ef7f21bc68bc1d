package org.entropyharness.data.corrupt;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The 15 CIFAR-10-C corruptions, in the order of the reference script; {@link #id()} is the official file stem. */
public enum Corruption {
  GAUSSIAN_NOISE(NoiseOps::gaussian),
  SHOT_NOISE(NoiseOps::shot),
  IMPULSE_NOISE(NoiseOps::impulse),
  DEFOCUS_BLUR(BlurOps::defocus),
  GLASS_BLUR(BlurOps::glass),
  MOTION_BLUR(BlurOps::motion),
  ZOOM_BLUR(BlurOps::zoom),
  SNOW(WeatherOps::snow),
  FROST(WeatherOps::frost),
  FOG(WeatherOps::fog),
  BRIGHTNESS(DigitalOps::brightness),
  CONTRAST(DigitalOps::contrast),
  ELASTIC_TRANSFORM(ElasticTransform::apply),
  PIXELATE(DigitalOps::pixelate),
  JPEG_COMPRESSION(DigitalOps::jpeg);

  /** Number of severities of every corruption. */
  public static final int SEVERITIES = 5;

  private final ImageOp op;

  Corruption(ImageOp op) {
    this.op = op;
  }

  /** The official name, e.g. {@code gaussian_noise}: the CIFAR-10-C file stem and the id prefix of each item. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  ImageOp op() {
    return op;
  }

  /**
   * The corruption with this official name.
   *
   * @throws IllegalArgumentException naming the allowed names when {@code name} is none of them
   */
  public static Corruption parse(String name) {
    for (Corruption c : values()) {
      if (c.id().equals(name.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown corruption '" + name + "'; allowed: " + Arrays.stream(values()).map(Corruption::id)
            .collect(Collectors.joining(", ")));
  }

  /** Rejects a severity outside 1..5 with a message saying what is allowed. */
  public static int checkSeverity(int severity) {
    if (severity < 1 || severity > SEVERITIES) {
      throw new IllegalArgumentException("severity " + severity + " is out of range; allowed: 1, 2, 3, 4, 5");
    }
    return severity;
  }
}
