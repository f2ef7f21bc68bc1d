package org.entropyharness.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.data.corrupt.Corruption;
import org.entropyharness.data.corrupt.Corruptions;
import org.entropyharness.method.tta.AdaptationMethod;
import org.entropyharness.method.tta.StepResult;
import org.entropyharness.method.tta.TtaMethods;
import org.entropyharness.method.tta.TtaResources;
import org.entropyharness.model.CifarResNet;

/**
 * Records what every TTA method predicts, image for image, on clean and corrupted CIFAR-10 test images, so a change
 * to the model or the step code can be checked against the predictions and probabilities of the code before it.
 *
 * <p>{@code dump OUT [images] [depth] [methods]} streams each method (fresh per image set) over the clean images and
 * four corruptions at severity 5 in batches of 200 and writes every softmax row. {@code compare A B} prints, per
 * method and image set, how many arg-max predictions differ and the largest probability difference.
 */
public final class TtaPredictionDump {
  private static final int BATCH = 200;
  private static final List<Corruption> SHIFTS =
      List.of(Corruption.GAUSSIAN_NOISE, Corruption.MOTION_BLUR, Corruption.FOG, Corruption.JPEG_COMPRESSION);

  private TtaPredictionDump() {}

  /** {@code dump OUT [images] [depth] [methods]} or {@code compare A B}. */
  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("compare")) {
      compare(read(Path.of(args[1])), read(Path.of(args[2])));
      return;
    }
    if (args.length < 2 || !args[0].equals("dump")) {
      throw new IllegalArgumentException("usage: dump OUT [images] [depth] [methods] | compare A B");
    }
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    int depth = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    List<String> methods = args.length > 4 ? List.of(args[4].split(",")) : TtaMethods.ids();
    write(Path.of(args[1]), dump(count, depth, methods));
  }

  private static Map<String, float[]> dump(int count, int depth, List<String> methods) throws IOException {
    Path root = Path.of(System.getProperty("harness.root", "."));
    ImageBatch clean = CifarBinaryReader.read(root.resolve("datasets/cifar10/test_batch.bin"), count);
    Map<String, ImageBatch> sets = new LinkedHashMap<>();
    sets.put("clean", clean);
    for (Corruption c : SHIFTS) {
      sets.put(c.id(), Corruptions.apply(clean, c, 5, 1));
    }
    ImageBatch fisherImages = CifarBinaryReader.read(root.resolve("datasets/cifar10/train_first2000.bin"), 2000);
    Map<String, float[]> out = new LinkedHashMap<>();
    try (CifarResNet model = CifarResNet.load(TtaThroughputBenchmark.checkpoint(depth), depth, "cpu")) {
      for (String id : methods) {
        TtaResources resources = new TtaResources(id.equals("eata") ? fisherImages : null, 1, "cpu");
        for (var set : sets.entrySet()) {
          try (AdaptationMethod method = TtaMethods.create(id, Map.of(), model, resources)) {
            out.put(id + "/" + set.getKey(), stream(method, set.getValue()));
          }
        }
        System.out.println("dumped " + id);
      }
    }
    return out;
  }

  private static float[] stream(AdaptationMethod method, ImageBatch images) {
    List<float[]> parts = new ArrayList<>();
    int total = 0;
    for (int from = 0; from < images.count(); from += BATCH) {
      StepResult step = method.step(images.slice(from, Math.min(images.count(), from + BATCH)));
      parts.add(step.probabilities());
      total += step.probabilities().length;
    }
    float[] all = new float[total];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static void compare(Map<String, float[]> a, Map<String, float[]> b) {
    System.out.println("method/set\timages\tpredictions differing\tmax |Δp|\tbit-identical");
    for (var entry : a.entrySet()) {
      float[] x = entry.getValue();
      float[] y = b.get(entry.getKey());
      if (y == null || y.length != x.length) {
        System.out.println(entry.getKey() + "\tmissing or of another size in the second dump");
        continue;
      }
      int differing = 0;
      double maxDiff = 0;
      for (int row = 0; row < x.length / 10; row++) {
        differing += argmax(x, row) != argmax(y, row) ? 1 : 0;
        for (int c = 0; c < 10; c++) {
          maxDiff = Math.max(maxDiff, Math.abs(x[row * 10 + c] - y[row * 10 + c]));
        }
      }
      System.out.printf("%s\t%d\t%d\t%.3g\t%s%n", entry.getKey(), x.length / 10, differing, maxDiff,
          java.util.Arrays.equals(x, y));
    }
  }

  private static int argmax(float[] p, int row) {
    int best = 0;
    for (int c = 1; c < 10; c++) {
      best = p[row * 10 + c] > p[row * 10 + best] ? c : best;
    }
    return best;
  }

  private static void write(Path file, Map<String, float[]> dump) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
      out.writeInt(dump.size());
      for (var entry : dump.entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeInt(entry.getValue().length);
        for (float v : entry.getValue()) {
          out.writeFloat(v);
        }
      }
    }
  }

  private static Map<String, float[]> read(Path file) throws IOException {
    Map<String, float[]> dump = new LinkedHashMap<>();
    try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file));
        DataInputStream in = new DataInputStream(raw)) {
      int entries = in.readInt();
      for (int e = 0; e < entries; e++) {
        String key = in.readUTF();
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
          values[i] = in.readFloat();
        }
        dump.put(key, values);
      }
    }
    return dump;
  }
}
