package org.entropyharness.method.tta;

import org.entropyharness.data.stream.SplitMix64;

/**
 * CoTTA's test-time augmentation (Wang et al. 2022; {@code get_tta_transforms} of the CoTTA code and of the public
 * TTA benchmark, {@code augmentations/transforms_cotta.py}), applied to a batch of images in [0, 1], NCHW: clip;
 * colour jitter in a random order (brightness 0.6–1.4, contrast 0.7–1.3, saturation 0.5–1.5, hue ±0.06, gamma
 * 0.7–1.3); edge padding by half the image size; a random affine map (rotation ±15°, translation up to 1/16 of the
 * padded size, scale 0.9–1.1, bilinear, zeros outside); Gaussian blur (kernel 5, σ 0.001–0.5, reflected borders);
 * centre crop; horizontal flip with probability 0.5; Gaussian noise (σ 0.005); clip. As torchvision does on a batched
 * tensor, one draw of each parameter serves the whole batch; the noise is drawn per value.
 */
final class CottaAugment {
  private static final double[] GREY = {0.2989, 0.587, 0.114};
  private final SplitMix64 random;

  CottaAugment(SplitMix64 random) {
    this.random = random;
  }

  /** An augmented copy of {@code images} ({@code n × 3 × size × size}, values in [0, 1]). */
  float[] apply(float[] images, int n, int size) {
    float[] x = images.clone();
    clip(x);
    jitter(x, n, size);
    int padded = 2 * size;
    float[] big = pad(x, n, size, size / 2);
    big = affine(big, n, padded);
    blur(big, n, padded, 0.001 + random.nextDouble() * (0.5 - 0.001));
    float[] out = crop(big, n, padded, size);
    if (random.nextDouble() < 0.5) {
      flip(out, n, size);
    }
    for (int i = 0; i < out.length; i++) {
      out[i] += (float) (0.005 * random.nextGaussian());
    }
    clip(out);
    return out;
  }

  private void jitter(float[] x, int n, int size) {
    int[] order = {0, 1, 2, 3, 4};
    random.shuffle(order);
    for (int op : order) {
      switch (op) {
        case 0 -> blend(x, null, uniform(0.6, 1.4), n, size, false);
        case 1 -> blend(x, greyMeans(x, n, size), uniform(0.7, 1.3), n, size, false);
        case 2 -> blend(x, null, uniform(0.5, 1.5), n, size, true);
        case 3 -> Hue.shift(x, n, size * size, uniform(-0.06, 0.06));
        default -> gamma(x, uniform(0.7, 1.3));
      }
    }
  }

  private double uniform(double low, double high) {
    return low + random.nextDouble() * (high - low);
  }

  /**
   * torchvision's {@code _blend}: {@code clamp(f·x + (1 − f)·other)}, other = 0 (brightness), each image's mean grey
   * (contrast, {@code means}) or each pixel's grey (saturation).
   */
  private static void blend(float[] x, double[] means, double f, int n, int size, boolean pixelGrey) {
    int plane = size * size;
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < plane; p++) {
        double other = means != null ? means[i] : 0;
        if (pixelGrey) {
          other = 0;
          for (int c = 0; c < 3; c++) {
            other += GREY[c] * x[(i * 3 + c) * plane + p];
          }
        }
        for (int c = 0; c < 3; c++) {
          int at = (i * 3 + c) * plane + p;
          x[at] = (float) Math.min(1, Math.max(0, f * x[at] + (1 - f) * other));
        }
      }
    }
  }

  private static double[] greyMeans(float[] x, int n, int size) {
    int plane = size * size;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int p = 0; p < plane; p++) {
        for (int c = 0; c < 3; c++) {
          sum += GREY[c] * x[(i * 3 + c) * plane + p];
        }
      }
      out[i] = sum / plane;
    }
    return out;
  }

  /** CoTTA clamps to [1e-8, 1] before the gamma so that its gradient stays finite. */
  private static void gamma(float[] x, double g) {
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.min(1, Math.pow(Math.max(1e-8, Math.min(1, x[i])), g));
    }
  }

  private static float[] pad(float[] x, int n, int size, int pad) {
    int big = size + 2 * pad;
    float[] out = new float[n * 3 * big * big];
    for (int ic = 0; ic < n * 3; ic++) {
      for (int r = 0; r < big; r++) {
        int sr = Math.min(size - 1, Math.max(0, r - pad));
        for (int c = 0; c < big; c++) {
          int sc = Math.min(size - 1, Math.max(0, c - pad));
          out[(ic * big + r) * big + c] = x[(ic * size + sr) * size + sc];
        }
      }
    }
    return out;
  }

  /** Rotation, translation and scale about the centre; each output pixel samples the input bilinearly. */
  private float[] affine(float[] x, int n, int size) {
    double angle = Math.toRadians(uniform(-15, 15));
    double maxShift = size / 16.0;
    double tx = Math.round(uniform(-maxShift, maxShift));
    double ty = Math.round(uniform(-maxShift, maxShift));
    double scale = uniform(0.9, 1.1);
    double cos = Math.cos(angle) / scale;
    double sin = Math.sin(angle) / scale;
    double centre = (size - 1) / 2.0;
    float[] out = new float[x.length];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        double dx = c - centre - tx;
        double dy = r - centre - ty;
        double sx = cos * dx + sin * dy + centre;
        double sy = -sin * dx + cos * dy + centre;
        for (int ic = 0; ic < n * 3; ic++) {
          out[(ic * size + r) * size + c] = bilinear(x, ic, size, sy, sx);
        }
      }
    }
    return out;
  }

  private static float bilinear(float[] x, int plane, int size, double y, double xx) {
    int y0 = (int) Math.floor(y);
    int x0 = (int) Math.floor(xx);
    double fy = y - y0;
    double fx = xx - x0;
    double v = 0;
    for (int dy = 0; dy <= 1; dy++) {
      for (int dx = 0; dx <= 1; dx++) {
        int yy = y0 + dy;
        int xc = x0 + dx;
        if (yy >= 0 && yy < size && xc >= 0 && xc < size) {
          v += (dy == 0 ? 1 - fy : fy) * (dx == 0 ? 1 - fx : fx) * x[(plane * size + yy) * size + xc];
        }
      }
    }
    return (float) v;
  }

  /** A separable 5-tap Gaussian with reflected borders (torchvision's gaussian_blur). */
  private static void blur(float[] x, int n, int size, double sigma) {
    double[] k = new double[5];
    double sum = 0;
    for (int i = 0; i < 5; i++) {
      k[i] = Math.exp(-0.5 * ((i - 2) / sigma) * ((i - 2) / sigma));
      sum += k[i];
    }
    for (int i = 0; i < 5; i++) {
      k[i] /= sum;
    }
    float[] tmp = new float[size * size];
    for (int ic = 0; ic < n * 3; ic++) {
      int base = ic * size * size;
      for (int pass = 0; pass < 2; pass++) {
        for (int r = 0; r < size; r++) {
          for (int c = 0; c < size; c++) {
            double v = 0;
            for (int t = -2; t <= 2; t++) {
              int rr = pass == 0 ? r : reflect(r + t, size);
              int cc = pass == 0 ? reflect(c + t, size) : c;
              v += k[t + 2] * x[base + rr * size + cc];
            }
            tmp[r * size + c] = (float) v;
          }
        }
        System.arraycopy(tmp, 0, x, base, tmp.length);
      }
    }
  }

  private static int reflect(int i, int size) {
    return i < 0 ? -i : i >= size ? 2 * size - 2 - i : i;
  }

  private static float[] crop(float[] x, int n, int big, int size) {
    int off = (big - size) / 2;
    float[] out = new float[n * 3 * size * size];
    for (int ic = 0; ic < n * 3; ic++) {
      for (int r = 0; r < size; r++) {
        System.arraycopy(x, (ic * big + r + off) * big + off, out, (ic * size + r) * size, size);
      }
    }
    return out;
  }

  private static void flip(float[] x, int n, int size) {
    for (int row = 0; row < n * 3 * size; row++) {
      for (int c = 0; c < size / 2; c++) {
        int a = row * size + c;
        int b = row * size + size - 1 - c;
        float t = x[a];
        x[a] = x[b];
        x[b] = t;
      }
    }
  }

  private static void clip(float[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(1f, Math.max(0f, x[i]));
    }
  }
}
