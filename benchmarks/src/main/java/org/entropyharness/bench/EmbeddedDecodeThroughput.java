package org.entropyharness.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.entropyharness.data.math.ArithmeticProblems;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.embedded.EmbeddedModel;

/**
 * Decoding throughput of the embedded model outside JMH, in the form that lets two builds be run alternately: 16
 * traces of each of {@code problems} level-5 problems, sampled at temperature 0.8 and decoded greedily, with the model
 * decoding {@code batch} traces together. Prints generated tokens/s (median of the runs after one warm-up) and a
 * SHA-256 over every trace's text, entropies, confidences and logprobs, so two builds can be shown to decode the same
 * bits. Tokens per CPU-second (all threads of the process) are printed beside, a figure a loaded machine disturbs
 * less.
 *
 * <p>Arguments: {@code [batch] [problems] [runs]} (defaults 16, 8, 5).
 */
public final class EmbeddedDecodeThroughput {
  private EmbeddedDecodeThroughput() {}

  /** Prints {@code batch=B tokens/s=… runs=[…] digest=…}. */
  public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int problems = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path datasets = Path.of(System.getProperty("harness.root", "."), "datasets");
    ArithmeticProblems source = new ArithmeticProblems(5);
    List<Double> rates = new ArrayList<>();
    List<Double> cpuRates = new ArrayList<>();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean();
    String digest = "";
    try (EmbeddedModel model = EmbeddedModel.load(datasets.resolve(EmbeddedModel.SHIPPED_WEIGHTS),
        datasets.resolve("MANIFEST.tsv"), batch)) {
      for (int run = 0; run <= runs; run++) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long tokens = 0;
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        for (int p = 0; p < problems; p++) {
          String prompt = source.problem(5, p).question();
          for (Decoding decoding : List.of(new Decoding(0.8, 1, 0, 0, null, 128), Decoding.greedy(128))) {
            for (Trace t : model.generate(new GenerationRequest("p" + p, prompt, decoding, 16, p))) {
              tokens += t.completionTokens();
              update(sha, t);
            }
          }
        }
        double rate = tokens / ((System.nanoTime() - start) / 1e9);
        if (run > 0) {
          rates.add(rate);
          cpuRates.add(tokens / ((os.getProcessCpuTime() - cpuStart) / 1e9));
        }
        digest = HexFormat.of().formatHex(sha.digest());
      }
    }
    System.out.printf("batch=%d\t%.1f tokens/s\truns=%s\t%.1f tokens per CPU-second\tdigest=%s%n", batch,
        Medians.of(rates), rates.stream().map(r -> Math.round(r)).toList(), Medians.of(cpuRates),
        digest.substring(0, 16));
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
