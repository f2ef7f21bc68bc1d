package org.entropyharness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
  @TempDir Path dir;

  @Test
  void should_label_images_by_class_folder() throws Exception {
    png(dir.resolve("dog/b.png"), 0x102030);
    png(dir.resolve("cat/a.png"), 0x405060);
    ImageBatch b = ImageFolderReader.read(dir, List.of(), 0);
    assertThat(b.ids()).containsExactly("cat/a", "dog/b");
    assertThat(b.labels()).containsExactly(0, 1);
    assertThat(new byte[] {b.pixels()[0], b.pixels()[1], b.pixels()[2]}).containsExactly(0x40, 0x50, 0x60);
  }

  @Test
  void should_label_images_by_file_name_suffix() throws Exception {
    png(dir.resolve("img0_7.png"), 0);
    png(dir.resolve("img1_ship.png"), 0);
    List<String> names =
        List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
    ImageBatch b = ImageFolderReader.read(dir, names, 0);
    assertThat(b.labels()).containsExactly(7, 8);
    png(dir.resolve("img2.png"), 0);
    assertThatThrownBy(() -> ImageFolderReader.read(dir, names, 0))
        .hasMessage(dir.resolve("img2.png") + ":1:1: no label: put the image in a class folder or name it"
            + " xxx_<label>.png");
  }

  private static void png(Path file, int rgb) throws Exception {
    Files.createDirectories(file.getParent());
    BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    ImageIO.write(img, "png", file.toFile());
  }
}
