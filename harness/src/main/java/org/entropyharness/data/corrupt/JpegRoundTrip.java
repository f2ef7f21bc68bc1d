package org.entropyharness.data.corrupt;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG encode + decode through the JDK's libjpeg-based codec (baseline, 4:2:0 chroma, islow DCT), one writer and
 * reader per thread because creating them costs more than coding a 32×32 image.
 */
final class JpegRoundTrip {
  private static final ThreadLocal<ImageWriter> WRITER =
      ThreadLocal.withInitial(() -> ImageIO.getImageWritersByFormatName("jpeg").next());
  private static final ThreadLocal<ImageReader> READER =
      ThreadLocal.withInitial(() -> ImageIO.getImageReadersByFormatName("jpeg").next());

  private JpegRoundTrip() {}

  /** RGB interleaved in, RGB interleaved out. */
  static byte[] apply(byte[] rgb, int width, int height, int quality) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < width * height; i++) {
      bgr[3 * i] = rgb[3 * i + 2];
      bgr[3 * i + 1] = rgb[3 * i + 1];
      bgr[3 * i + 2] = rgb[3 * i];
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
      ImageWriter writer = WRITER.get();
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(img, null, null), param);
      }
      ImageReader reader = READER.get();
      BufferedImage back;
      try (MemoryCacheImageInputStream in =
          new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        reader.setInput(in);
        back = reader.read(0);
      }
      byte[] result = new byte[width * height * 3];
      back.getRaster().getDataElements(0, 0, width, height, result);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG round trip failed in memory: " + e.getMessage(), e);
    }
  }
}
