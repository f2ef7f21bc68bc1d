package org.entropyharness.data;

import org.entropyharness.format.DataFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of PNG/JPEG images into an {@link ImageBatch}. The label of {@code class/xxx.png} is its folder
 * name; the label of {@code xxx_<label>.png} directly in the root is the part after the last underscore. A label is
 * a class index or a name from {@code classNames} (when that is empty, the sorted folder names are the classes).
 * Files are taken in sorted path order; ids are the paths relative to the root, without extension.
 */
public final class ImageFolderReader {
  private ImageFolderReader() {}

  /**
   * Reads up to {@code limit} images (all when {@code limit <= 0}).
   *
   * @throws DataFormatException for an unreadable image, a size unlike the first image's, or an unknown label
   */
  public static ImageBatch read(Path root, List<String> classNames, int limit) throws IOException {
    List<Path> files = imageFiles(root, limit);
    List<String> classes = classNames.isEmpty() ? folderClasses(root, files) : classNames;
    int[] labels = new int[files.size()];
    List<String> ids = new ArrayList<>(files.size());
    byte[] pixels = null;
    int height = 0;
    int width = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      BufferedImage img = decode(file);
      if (pixels == null) {
        height = img.getHeight();
        width = img.getWidth();
        pixels = new byte[files.size() * height * width * 3];
      } else if (img.getHeight() != height || img.getWidth() != width) {
        throw new DataFormatException(file + ":1:1: image is " + img.getWidth() + "x" + img.getHeight()
            + " but the first image is " + width + "x" + height + "; resize all images to one size");
      }
      copyRgb(img, pixels, i * height * width * 3);
      String relative = root.relativize(file).toString().replace('\\', '/');
      ids.add(relative.substring(0, relative.lastIndexOf('.')));
      labels[i] = label(root, file, classes);
    }
    return new ImageBatch(height, width, pixels, labels, ids);
  }

  private static List<Path> imageFiles(Path root, int limit) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).filter(ImageFolderReader::isImage).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new DataFormatException(root + ":1:1: no .png/.jpg/.jpeg images here; expected class/xxx.png or"
          + " xxx_<label>.png");
    }
    return limit > 0 && files.size() > limit ? files.subList(0, limit) : files;
  }

  private static BufferedImage decode(Path file) throws IOException {
    BufferedImage img = ImageIO.read(file.toFile());
    if (img == null) {
      throw new DataFormatException(file + ":1:1: javax.imageio cannot decode this file; convert it to PNG");
    }
    return img;
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
  }

  private static List<String> folderClasses(Path root, List<Path> files) {
    TreeSet<String> names = new TreeSet<>();
    for (Path f : files) {
      Path rel = root.relativize(f);
      if (rel.getNameCount() > 1) {
        names.add(rel.getName(0).toString());
      }
    }
    return List.copyOf(names);
  }

  private static int label(Path root, Path file, List<String> classes) throws DataFormatException {
    Path rel = root.relativize(file);
    String token;
    if (rel.getNameCount() > 1) {
      token = rel.getName(0).toString();
    } else {
      String name = rel.toString().substring(0, rel.toString().lastIndexOf('.'));
      int us = name.lastIndexOf('_');
      if (us < 0) {
        throw new DataFormatException(file + ":1:1: no label: put the image in a class folder or name it"
            + " xxx_<label>.png");
      }
      token = name.substring(us + 1);
    }
    int named = classes.indexOf(token);
    if (named >= 0) {
      return named;
    }
    if (token.matches("\\d+")) {
      return Integer.parseInt(token);
    }
    throw new DataFormatException(file + ":1:1: label '" + token + "' is neither a class index nor one of "
        + classes + "; rename the folder or file, or pass the class names");
  }

  private static void copyRgb(BufferedImage img, byte[] out, int offset) {
    int w = img.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < img.getHeight(); y++) {
      img.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int o = offset + (y * w + x) * 3;
        out[o] = (byte) (row[x] >> 16);
        out[o + 1] = (byte) (row[x] >> 8);
        out[o + 2] = (byte) row[x];
      }
    }
  }
}
