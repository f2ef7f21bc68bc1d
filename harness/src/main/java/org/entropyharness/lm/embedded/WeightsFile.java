package org.entropyharness.lm.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entropyharness.format.DataFormatException;

/**
 * The embedded model's weights file, little-endian throughout: magic {@code EHLM}, int32 format version 1, int32
 * header byte length, the UTF-8 header ({@code key=value} lines, see {@link TinyGptConfig}), int32 tensor count, then
 * per tensor: int32 name length, UTF-8 name, int32 rank, int32 dimensions, float32 values in row-major order.
 *
 * @param config the model shape from the header
 * @param tensors named tensors as flat row-major arrays, in file order
 */
public record WeightsFile(TinyGptConfig config, Map<String, float[]> tensors) {
  private static final int MAGIC = 0x4D4C4845; // "EHLM" read little-endian
  private static final int VERSION = 1;

  public WeightsFile {
    tensors = new LinkedHashMap<>(tensors);
  }

  /** The tensor {@code name}, checked to exist. */
  public float[] tensor(String name) {
    float[] t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("weights have no tensor '" + name + "'");
    }
    return t;
  }

  /** Writes the file in one go (callers write to a temporary name and move it). */
  public void write(Path path) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = config.toHeader().getBytes(StandardCharsets.UTF_8);
    out.write(ints(MAGIC, VERSION, header.length));
    out.write(header);
    out.write(ints(tensors.size()));
    Map<String, int[]> shapes = config.parameterShapes();
    for (Map.Entry<String, float[]> e : tensors.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      int[] shape = shapes.get(e.getKey());
      out.write(ints(name.length));
      out.write(name);
      out.write(ints(shape.length));
      out.write(ints(shape));
      ByteBuffer data = ByteBuffer.allocate(4 * e.getValue().length).order(ByteOrder.LITTLE_ENDIAN);
      data.asFloatBuffer().put(e.getValue());
      out.write(data.array());
    }
    Files.write(path, out.toByteArray());
  }

  /** Reads and checks a weights file: every tensor the config needs, with the right shape. */
  public static WeightsFile read(Path path) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(InputFiles.readBytes(path, FileKind.MODEL_WEIGHTS)).order(ByteOrder.LITTLE_ENDIAN);
    try {
      if (in.getInt() != MAGIC || in.getInt() != VERSION) {
        throw new DataFormatException(path + ":1:1: not an EHLM version 1 weights file; regenerate it with"
            + " harness train-embedded");
      }
      TinyGptConfig config = TinyGptConfig.fromHeader(parseHeader(string(in, in.getInt())));
      Map<String, int[]> expected = config.parameterShapes();
      Map<String, float[]> tensors = new LinkedHashMap<>();
      int count = in.getInt();
      for (int i = 0; i < count; i++) {
        String name = string(in, in.getInt());
        int[] shape = new int[declared(in.getInt(), 8)];
        for (int d = 0; d < shape.length; d++) {
          shape[d] = in.getInt();
        }
        checkShape(path, name, shape, expected.get(name));
        float[] values = new float[declared(product(shape), in.remaining() / Float.BYTES)];
        in.asFloatBuffer().get(values);
        in.position(in.position() + 4 * values.length);
        tensors.put(name, values);
      }
      if (!tensors.keySet().equals(expected.keySet())) {
        throw new DataFormatException(path + ":1:1: tensors " + tensors.keySet() + " do not match the model's "
            + expected.keySet() + "; regenerate the file with harness train-embedded");
      }
      return new WeightsFile(config, tensors);
    } catch (java.nio.BufferUnderflowException e) {
      throw new DataFormatException(path + ":1:1: weights file is truncated; copy it again or retrain");
    } catch (IllegalArgumentException e) {
      throw new DataFormatException(path + ":1:1: weights header is corrupt (" + e.getMessage() + "); copy the file"
          + " again or retrain");
    }
  }

  private static void checkShape(Path path, String name, int[] shape, int[] expected) throws DataFormatException {
    if (expected == null || !java.util.Arrays.equals(shape, expected)) {
      throw new DataFormatException(path + ":1:1: tensor '" + name + "' has shape " + java.util.Arrays.toString(shape)
          + " but the header's model wants " + java.util.Arrays.toString(expected) + "; the file is corrupt");
    }
  }

  private static Map<String, String> parseHeader(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : header.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }

  /** A count read from the file, checked against what the file can hold before anything is allocated for it. */
  private static int declared(long count, long max) {
    if (count < 0 || count > max) {
      throw new java.nio.BufferUnderflowException();
    }
    return (int) count;
  }

  private static String string(ByteBuffer in, int length) {
    byte[] bytes = new byte[declared(length, in.remaining())];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] ints(int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  private static long product(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n = d < 0 ? -1 : Math.min(n * d, Integer.MAX_VALUE + 1L);
    }
    return n;
  }
}
