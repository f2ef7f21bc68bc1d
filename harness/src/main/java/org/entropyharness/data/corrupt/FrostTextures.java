package org.entropyharness.data.corrupt;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The five frost textures the reference draws from (frost1–5; frost6 is listed there but never drawn), decoded once
 * and shrunk like its {@code cv2.resize(fx=0.2, fy=0.2)}: OpenCV's bilinear step of exactly 5 lands on whole pixels,
 * so the shrink is the sample at {@code 5·i + 2}.
 */
final class FrostTextures {
  static final String[] FILES = {"frost1.png", "frost2.png", "frost3.png", "frost4.jpg", "frost5.jpg"};
  private static volatile Path directory;
  private static final Texture[] CACHE = new Texture[FILES.length];

  /** A shrunk texture, RGB interleaved. */
  record Texture(int height, int width, byte[] rgb) {}

  private FrostTextures() {}

  /**
   * Where the textures live; defaults to {@code datasets/corruptions} under the system property {@code harness.root}
   * or the working directory.
   */
  static void useDirectory(Path dir) {
    synchronized (CACHE) {
      directory = dir;
      java.util.Arrays.fill(CACHE, null);
    }
  }

  static Texture get(int index) {
    synchronized (CACHE) {
      if (CACHE[index] == null) {
        CACHE[index] = load(resolve().resolve(FILES[index]));
      }
      return CACHE[index];
    }
  }

  static Path resolve() {
    Path dir = directory;
    if (dir != null) {
      return dir;
    }
    return Path.of(System.getProperty("harness.root", ".")).resolve("datasets").resolve("corruptions");
  }

  private static Texture load(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(file + ":1:1: frost texture missing; restore datasets/corruptions from the"
            + " repository or point FrostTextures at the folder holding frost1-5");
      }
      org.entropyharness.data.ShippedData.verify(file);
      BufferedImage img = ImageIO.read(file.toFile());
      Raster raster = img.getRaster();
      int bands = raster.getNumBands();
      int h = (int) Math.rint(img.getHeight() * 0.2);
      int w = (int) Math.rint(img.getWidth() * 0.2);
      byte[] rgb = new byte[h * w * 3];
      int[] px = new int[bands];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          raster.getPixel(Math.min(5 * x + 2, img.getWidth() - 1), Math.min(5 * y + 2, img.getHeight() - 1), px);
          for (int ch = 0; ch < 3; ch++) {
            rgb[(y * w + x) * 3 + ch] = (byte) px[bands >= 3 ? ch : 0];
          }
        }
      }
      return new Texture(h, w, rgb);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ":1:1: cannot read frost texture: " + e.getMessage(), e);
    }
  }
}
