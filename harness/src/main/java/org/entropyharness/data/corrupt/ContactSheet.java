package org.entropyharness.data.corrupt;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.entropyharness.data.ImageBatch;

/**
 * One image under every corruption and severity: a row per corruption, columns clean and severities 1–5, each cell
 * enlarged by pixel repetition so the 32×32 artefacts stay visible, with row and column labels.
 */
public final class ContactSheet {
  private static final int LABEL_WIDTH = 150;
  private static final int HEADER = 24;
  private static final int GAP = 4;

  private ContactSheet() {}

  /** Renders image {@code index} of {@code clean} under {@code corruptions}, severities 1–5, at {@code scale}×. */
  public static BufferedImage render(ImageBatch clean, int index, List<Corruption> corruptions, long seed, int scale) {
    ImageBatch one = clean.slice(index, index + 1);
    int cell = 32 * scale;
    int width = LABEL_WIDTH + 6 * (cell + GAP);
    int height = HEADER + corruptions.size() * (cell + GAP);
    BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    String[] headers = {"clean", "1", "2", "3", "4", "5"};
    for (int col = 0; col < 6; col++) {
      g.drawString(headers[col], LABEL_WIDTH + col * (cell + GAP) + cell / 2 - 10, HEADER - 6);
    }
    for (int row = 0; row < corruptions.size(); row++) {
      Corruption c = corruptions.get(row);
      int y = HEADER + row * (cell + GAP);
      g.drawString(c.id(), 6, y + cell / 2 + 5);
      draw(sheet, one.pixels(), LABEL_WIDTH, y, scale);
      for (int s = 1; s <= Corruption.SEVERITIES; s++) {
        ImageBatch out = Corruptions.apply(one, c, s, seed);
        draw(sheet, out.pixels(), LABEL_WIDTH + s * (cell + GAP), y, scale);
      }
    }
    g.dispose();
    return sheet;
  }

  /** Writes the sheet as PNG, atomically (a temporary file in the same folder, then a rename). */
  public static void write(BufferedImage sheet, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".contact-sheet", ".png.tmp");
    try {
      ImageIO.write(sheet, "png", tmp.toFile());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void draw(BufferedImage sheet, byte[] hwc, int left, int top, int scale) {
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        int i = (y * 32 + x) * 3;
        int rgb = (hwc[i] & 0xff) << 16 | (hwc[i + 1] & 0xff) << 8 | (hwc[i + 2] & 0xff);
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            sheet.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
          }
        }
      }
    }
  }
}
