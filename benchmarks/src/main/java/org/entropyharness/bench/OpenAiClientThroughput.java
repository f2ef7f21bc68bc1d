package org.entropyharness.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.openai.OpenAiBackend;
import org.entropyharness.lm.openai.OpenAiConfig;

/**
 * Achieved request rate of the OpenAI-compatible client as a share of the ideal rate (concurrency / latency), against
 * a loopback server that answers every request after a fixed latency ({@link FixedLatencyOpenAiServer}). The client
 * is driven as a suite with {@code backend: openai} drives it: an {@link OpenAiBackend} built from the suite's
 * {@code model:} keys with its {@code max-concurrency}, given a batch of prompts through
 * {@link OpenAiBackend#generateAll}. Four batches at the highest concurrency warm the JIT up first; then, per
 * concurrency level, one warm-up batch (connections opened) is discarded and the median of the measured batches is
 * reported. Each client batch is followed by the same number of requests from {@link RawSocketReference}, so that on
 * a shared machine the client can be judged against what the machine allowed at that moment as well as against the
 * ideal.
 *
 * <p>Run: {@code java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*"
 * org.entropyharness.bench.OpenAiClientThroughput [latencyMs] [requestsPerLevel|auto] [runs] [levels] [chunk]},
 * defaults {@code 50 auto 3 1,8,64 0}. {@code auto} sends, per level, the larger of 10 × concurrency and 2 s of ideal
 * time, rounded up to whole waves of {@code concurrency} requests. {@code chunk} > 0 hands the batch to the client in
 * slices of that many prompts, one slice after the other, as a reasoning cell does (8 × max-concurrency per slice); 0 hands it over
 * whole. Client and server share the process, so the CPU time per request printed (client run / reference run)
 * covers both; their difference is what the client costs over the least a client can do. At low rates it is
 * dominated by the JVM's background threads and says little.
 */
public final class OpenAiClientThroughput {
  private static final double MIN_IDEAL_SECONDS = 2.0;
  private static final int MIN_WAVES = 10;
  /**
   * Batches at the highest concurrency before anything is measured: the JIT needs some 10,000 requests before the
   * JDK HTTP client's CPU time per request settles (measured falling from ~700 to ~270 us over the first 10,000).
   */
  private static final int WARM_UP_BATCHES = 4;

  private OpenAiClientThroughput() {}

  /** What to measure, from the command line. */
  private record Settings(int latencyMs, String requests, int runs, int[] levels, int chunk) {
    static Settings parse(String[] args) {
      return new Settings(
          args.length > 0 ? Integer.parseInt(args[0]) : 50,
          args.length > 1 ? args[1] : "auto",
          args.length > 2 ? Integer.parseInt(args[2]) : 3,
          args.length > 3 ? levels(args[3]) : new int[] {1, 8, 64},
          args.length > 4 ? Integer.parseInt(args[4]) : 0);
    }

    private static int[] levels(String commaSeparated) {
      return Arrays.stream(commaSeparated.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    int requestsAt(int concurrency) {
      if (!requests.equals("auto")) {
        return Integer.parseInt(requests);
      }
      int wanted = Math.max(MIN_WAVES * concurrency, (int) Math.ceil(MIN_IDEAL_SECONDS * idealRate(concurrency)));
      return (wanted + concurrency - 1) / concurrency * concurrency;
    }

    double idealRate(int concurrency) {
      return concurrency * 1000.0 / latencyMs;
    }
  }

  /**
   * One batch: its rate, the process CPU time per request (client and server), failed traces and the most requests
   * the server saw in flight at once.
   */
  private record BatchResult(double requestsPerSecond, double cpuMicrosPerRequest, int failedTraces, int peak) {}

  public static void main(String[] args) throws IOException {
    Settings settings = Settings.parse(args);
    int highest = Arrays.stream(settings.levels()).max().orElse(1);
    var os = ManagementFactory.getOperatingSystemMXBean();
    System.out.printf("latency %d ms, %d runs after %d + 1 warm-up batches, %s, cores %d, load average %.2f%n",
        settings.latencyMs(), settings.runs(), WARM_UP_BATCHES,
        settings.chunk() == 0 ? "whole batch per call" : "slices of " + settings.chunk() + " per call",
        os.getAvailableProcessors(), os.getSystemLoadAverage());
    System.out.printf("%-11s %8s %8s %9s %7s %9s %7s  %-26s %5s %11s%n", "concurrency", "requests", "ideal/s",
        "client/s", "ideal%", "raw/s", "of raw", "client runs (req/s)", "peak", "cpu us/req c/r");
    int serverThreads = Math.max(128, 2 * highest);
    try (FixedLatencyOpenAiServer server = new FixedLatencyOpenAiServer(settings.latencyMs(), serverThreads)) {
      warmUp(server, settings, highest);
      for (int concurrency : settings.levels()) {
        measureLevel(server, settings, concurrency);
      }
    }
  }

  private static void measureLevel(FixedLatencyOpenAiServer server, Settings settings, int concurrency)
      throws IOException {
    int requests = settings.requestsAt(concurrency);
    List<GenerationRequest> batch = batch(requests);
    List<BatchResult> client = new ArrayList<>();
    List<BatchResult> raw = new ArrayList<>();
    try (OpenAiBackend backend = new OpenAiBackend(suiteConfig(server, concurrency))) {
      runBatch(server, backend, batch, settings.chunk());
      rawBatch(server, concurrency, requests);
      for (int run = 0; run < settings.runs(); run++) {
        client.add(runBatch(server, backend, batch, settings.chunk()));
        raw.add(rawBatch(server, concurrency, requests));
      }
    }
    List<Double> rates = client.stream().map(BatchResult::requestsPerSecond).toList();
    double achieved = Medians.of(rates);
    double reference = Medians.of(raw.stream().map(BatchResult::requestsPerSecond).toList());
    int failed = client.stream().mapToInt(BatchResult::failedTraces).sum();
    System.out.printf("%-11d %8d %8.1f %9.1f %6.1f%% %9.1f %6.1f%%  %-26s %5d %5.0f / %-5.0f%s%n", concurrency,
        requests, settings.idealRate(concurrency), achieved, 100 * achieved / settings.idealRate(concurrency),
        reference, 100 * achieved / reference, rounded(rates),
        client.stream().mapToInt(BatchResult::peak).max().orElse(0),
        Medians.of(client.stream().map(BatchResult::cpuMicrosPerRequest).toList()),
        Medians.of(raw.stream().map(BatchResult::cpuMicrosPerRequest).toList()),
        failed == 0 ? "" : "  FAILED TRACES: " + failed);
  }

  private static void warmUp(FixedLatencyOpenAiServer server, Settings settings, int concurrency) throws IOException {
    List<GenerationRequest> batch = batch(settings.requestsAt(concurrency));
    try (OpenAiBackend backend = new OpenAiBackend(suiteConfig(server, concurrency))) {
      for (int i = 0; i < WARM_UP_BATCHES; i++) {
        runBatch(server, backend, batch, settings.chunk());
        rawBatch(server, concurrency, batch.size());
      }
    }
  }

  /** The keys a suite's {@code model:} section gives for this server. */
  private static OpenAiConfig suiteConfig(FixedLatencyOpenAiServer server, int concurrency) {
    return OpenAiConfig.fromMap(Map.of(
        "backend", "openai",
        "endpoints", List.of(server.baseUri().toString()),
        "name", "bench-model",
        "server", "vllm",
        "max-concurrency", concurrency));
  }

  /** Distinct prompts with one greedy choice each. */
  private static List<GenerationRequest> batch(int requests) {
    List<GenerationRequest> batch = new ArrayList<>(requests);
    for (int i = 0; i < requests; i++) {
      batch.add(new GenerationRequest("p" + i, "Question " + i + ": what is " + i + " + 1?",
          Decoding.greedy(FixedLatencyOpenAiServer.TOKENS_PER_CHOICE), 1, i));
    }
    return batch;
  }

  private static BatchResult runBatch(FixedLatencyOpenAiServer server, OpenAiBackend backend,
      List<GenerationRequest> batch, int chunk) throws IOException {
    int slice = chunk == 0 ? batch.size() : chunk;
    server.resetPeak();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    int failed = 0;
    for (int from = 0; from < batch.size(); from += slice) {
      List<List<Trace>> traces = backend.generateAll(batch.subList(from, Math.min(batch.size(), from + slice)));
      failed += (int) traces.stream().flatMap(List::stream).filter(Trace::failed).count();
    }
    return result(batch.size(), t0, cpu0, failed, server.peakInFlight());
  }

  private static BatchResult rawBatch(FixedLatencyOpenAiServer server, int concurrency, int requests)
      throws IOException {
    server.resetPeak();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    RawSocketReference.send(server.baseUri(), concurrency, requests);
    return result(requests, t0, cpu0, 0, server.peakInFlight());
  }

  private static BatchResult result(int requests, long startNanos, long startCpuNanos, int failed, int peak) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double cpuMicros = (processCpuNanos() - startCpuNanos) / 1e3;
    return new BatchResult(requests / seconds, cpuMicros / requests, failed, peak);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String rounded(List<Double> values) {
    return values.stream().map(v -> String.format("%.1f", v)).toList().toString();
  }
}
