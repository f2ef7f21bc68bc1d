package org.entropyharness.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.entropyharness.data.math.ArithmeticProblems;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.embedded.EmbeddedModel;

/**
 * Decoding throughput of the embedded model outside JMH: 16 traces of each of {@code problems} level-5 problems,
 * sampled at temperature 0.8 and decoded greedily, with the model decoding {@code batch} traces together. Several
 * batch sizes run in one JVM, alternately run by run (1, 16, 1, 16 …), so a machine that slows down for a while
 * slows both; each prints generated tokens/s (median of the runs after one warm-up round), tokens per CPU-second
 * (all threads of the process) and a SHA-256 over every trace's text, entropies, confidences and logprobs, so batch
 * sizes and builds can be shown to decode the same bits. With two batch sizes it also prints the median of the
 * rounds' ratios.
 *
 * <p>Arguments: {@code [batches] [problems] [runs]}, batches comma-separated (defaults 16, 8, 5).
 */
public final class EmbeddedDecodeThroughput {
  private EmbeddedDecodeThroughput() {}

  /** Prints {@code batch=B tokens/s=… runs=[…] digest=…} per batch size, then the ratio of the last to the first. */
  public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
    int[] batches = Arrays.stream((args.length > 0 ? args[0] : "16").split(",")).mapToInt(Integer::parseInt).toArray();
    int problems = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path datasets = Path.of(System.getProperty("harness.root", "."), "datasets");
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean();
    List<EmbeddedModel> models = new ArrayList<>();
    List<List<Double>> rates = new ArrayList<>();
    List<List<Double>> cpuRates = new ArrayList<>();
    String[] digests = new String[batches.length];
    try {
      for (int batch : batches) {
        models.add(EmbeddedModel.load(datasets.resolve(EmbeddedModel.SHIPPED_WEIGHTS),
            datasets.resolve("MANIFEST.tsv"), batch));
        rates.add(new ArrayList<>());
        cpuRates.add(new ArrayList<>());
      }
      for (int run = 0; run <= runs; run++) {
        for (int b = 0; b < batches.length; b++) {
          MessageDigest sha = MessageDigest.getInstance("SHA-256");
          long start = System.nanoTime();
          long cpuStart = os.getProcessCpuTime();
          long tokens = decodeAll(models.get(b), problems, sha);
          if (run > 0) {
            rates.get(b).add(tokens / ((System.nanoTime() - start) / 1e9));
            cpuRates.get(b).add(tokens / ((os.getProcessCpuTime() - cpuStart) / 1e9));
          }
          digests[b] = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        }
      }
    } finally {
      for (EmbeddedModel model : models) {
        model.close();
      }
    }
    for (int b = 0; b < batches.length; b++) {
      System.out.printf("batch=%d\t%.1f tokens/s\truns=%s\t%.1f tokens per CPU-second\tdigest=%s%n", batches[b],
          Medians.of(rates.get(b)), rates.get(b).stream().map(Math::round).toList(), Medians.of(cpuRates.get(b)),
          digests[b]);
    }
    if (batches.length == 2) {
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        ratios.add(rates.get(1).get(r) / rates.get(0).get(r));
      }
      System.out.printf("batch %d / batch %d: %.2f (median of the rounds' ratios %s)%n", batches[1], batches[0],
          Medians.of(ratios), ratios.stream().map(x -> String.format("%.2f", x)).toList());
    }
  }

  private static long decodeAll(EmbeddedModel model, int problems, MessageDigest sha) {
    ArithmeticProblems source = new ArithmeticProblems(5);
    long tokens = 0;
    for (int p = 0; p < problems; p++) {
      String prompt = source.problem(5, p).question();
      for (Decoding decoding : List.of(new Decoding(0.8, 1, 0, 0, null, 128), Decoding.greedy(128))) {
        for (Trace t : model.generate(new GenerationRequest("p" + p, prompt, decoding, 16, p))) {
          tokens += t.completionTokens();
          update(sha, t);
        }
      }
    }
    return tokens;
  }

  private static void update(MessageDigest sha, Trace t) {
    sha.update(t.text().getBytes(StandardCharsets.UTF_8));
    ByteBuffer bits = ByteBuffer.allocate(12 * t.completionTokens());
    for (int i = 0; i < t.completionTokens(); i++) {
      bits.putFloat(t.tokenEntropies()[i]).putFloat(t.tokenConfidences()[i]).putFloat(t.tokenLogprobs()[i]);
    }
    sha.update(bits.array());
  }
}
