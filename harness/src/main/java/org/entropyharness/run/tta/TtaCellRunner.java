package org.entropyharness.run.tta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.data.ShippedData;
import org.entropyharness.method.tta.AdaptationMethod;
import org.entropyharness.method.tta.StepResult;
import org.entropyharness.method.tta.TtaMethods;
import org.entropyharness.method.tta.TtaResources;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.run.CellContext;
import org.entropyharness.run.CellOutcome;
import org.entropyharness.run.CellRunner;
import org.entropyharness.run.MetricValue;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.SampleRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.ModelSpec;
import org.entropyharness.suite.Params;
import org.entropyharness.suite.SuiteSpec;

/**
 * Runs TTA cells: the method adapts online through the suite's shifts in order (reset to the initial weights before
 * each shift, or continually), predicting each batch before adapting on it. Measures per shift and over all.
 */
public final class TtaCellRunner implements CellRunner {
  private final SuiteSpec suite;
  private final TtaData data;
  private final boolean perShift;
  private final StreamSpec stream;
  private final int batch;
  private ModelSpec loadedSpec;
  private CifarResNet loaded;

  public TtaCellRunner(SuiteSpec suite) throws IOException {
    this.suite = suite;
    this.data = new TtaData(suite.dataset());
    this.stream = StreamSpec.from(suite.protocol());
    this.perShift = stream.resetPerShift();
    this.batch = (int) suite.protocol().integer("batch", 200);
    modelFor(suite.models().get(0)); // the first model and the images load now: bad files fail before any cell runs
    data.slices();
  }

  /** Checks the dataset and model sections without loading anything. */
  public static void check(SuiteSpec suite) {
    TtaData data = new TtaData(suite.dataset());
    StreamSpec stream = StreamSpec.from(suite.protocol());
    if (stream.kind().equals("gradual") && !data.hasAllSeverities()) {
      throw suite.protocol().error("stream", "stream gradual passes severities 1-5-1; set dataset.severities: "
          + "[1, 2, 3, 4, 5]");
    }
    if (suite.metrics().contains(ForgettingProbe.METRIC)) {
      data.cleanTestPath();
    }
    suite.models().forEach(m -> m.section().existingPath("checkpoint"));
  }

  /** The cell's model, loaded once while consecutive cells use it (cells run model by model). */
  private CifarResNet modelFor(ModelSpec spec) throws IOException {
    if (!spec.equals(loadedSpec)) {
      if (loaded != null) {
        loaded.close();
        loaded = null;
      }
      Path checkpoint = ShippedData.verifyIfListed(spec.section().existingPath("checkpoint"));
      loaded = CifarResNet.load(checkpoint, depth(spec.section()), device(spec));
      loadedSpec = spec;
    }
    return loaded;
  }

  private static String device(ModelSpec spec) {
    return spec.section().string("device", "auto");
  }

  private static int depth(Params model) {
    return Integer.parseInt(model.string("name", "resnet20").substring("resnet".length()));
  }

  @Override
  public Fingerprint fingerprint(CellSpec cell) throws IOException {
    Map<String, Object> params = TtaMethods.checkParams(cell.method().id(), cell.method().params().asMap());
    Params model = cell.model().section();
    return new Fingerprint(data.contentHash(),
        Fingerprint.sha256(model.string("name", "") + "|" + ShippedData.sha256(model.existingPath("checkpoint"))),
        Fingerprint.sha256(cell.method().id() + "|" + new TreeMap<>(params)), Long.toString(cell.seed()),
        Fingerprint.sha256(suite.protocol().canonicalJson() + "|batch=" + batch + "|per-shift=" + perShift
            + forgettingFingerprint()));
  }

  /** The clean set behind clean-error-after; empty when the suite does not measure it (older fingerprints hold). */
  private String forgettingFingerprint() throws IOException {
    if (!suite.metrics().contains(ForgettingProbe.METRIC)) {
      return "";
    }
    return "|clean-test=" + ShippedData.sha256(data.cleanTestPath()) + "|clean-test-limit=" + data.cleanTestLimit();
  }

  @Override
  public CellOutcome run(CellSpec cell, CellContext ctx) throws IOException {
    List<TtaSlice> slices = data.slices();
    StreamPlan plan = StreamPlan.of(stream, slices, cell.seed());
    long total = plan.segments().stream().mapToLong(StreamPlan.Segment::size).sum();
    CifarResNet model = modelFor(cell.model());
    TtaResources resources = new TtaResources(
        TtaMethods.needsCleanImages(cell.method().id()) ? data.cleanImages() : null, cell.seed(),
        device(cell.model()));
    List<SampleRow> samples = new ArrayList<>();
    TtaMetrics all = new TtaMetrics("all");
    Map<String, TtaMetrics> perSlice = new LinkedHashMap<>();
    slices.forEach(s -> perSlice.put(s.name(), new TtaMetrics(s.name())));
    long done = 0;
    MetricValue forgetting = null;
    try (AdaptationMethod method = TtaMethods.create(cell.method().id(), cell.method().params().asMap(), model, resources)) {
      for (StreamPlan.Segment segment : plan.segments()) {
        if (segment.resetBefore()) {
          method.reset();
        }
        for (int from = 0; from < segment.size(); from += batch) {
          StreamBatch part = StreamBatch.cut(slices, segment, from, Math.min(segment.size(), from + batch));
          adapt(cell, method, part, all, perSlice, samples);
        }
        done += segment.size();
        ctx.progress().advance(done, total);
      }
      if (suite.metrics().contains(ForgettingProbe.METRIC)) {
        forgetting = new ForgettingProbe(data, batch).measure(method, cell.seed());
      }
    }
    List<MetricValue> values = metrics(cell, all, perSlice.values());
    if (forgetting != null) {
      values.add(0, forgetting);
    }
    return new CellOutcome(values, samples);
  }

  private void adapt(CellSpec cell, AdaptationMethod method, StreamBatch part, TtaMetrics all,
      Map<String, TtaMetrics> perSlice, List<SampleRow> samples) {
    long start = System.nanoTime();
    StepResult step = method.step(part.images());
    long nanos = System.nanoTime() - start;
    all.addStep(step.backwardSamples(), step.resets(), step.nonFinite(), nanos);
    String single = part.singleSlice();
    if (single != null) {
      perSlice.get(single).addStep(step.backwardSamples(), step.resets(), step.nonFinite(), nanos);
    } else {
      part.sliceNames().stream().distinct().forEach(name -> perSlice.get(name).markMixedSteps());
    }
    record(cell, part, step, all, perSlice, samples);
  }

  private static void record(CellSpec cell, StreamBatch batch, StepResult step, TtaMetrics all,
      Map<String, TtaMetrics> perSlice, List<SampleRow> samples) {
    ImageBatch part = batch.images();
    int classes = step.classes();
    float[] p = step.probabilities();
    for (int i = 0; i < part.count(); i++) {
      int best = 0;
      double entropy = 0;
      for (int c = 0; c < classes; c++) {
        float v = p[i * classes + c];
        best = v > p[i * classes + best] ? c : best;
        entropy -= v > 0 ? v * Math.log(v) : 0;
      }
      double confidence = p[i * classes + best];
      String id = part.ids().get(i);
      String slice = batch.sliceNames().get(i);
      all.addItem(id, best == part.labels()[i], confidence, entropy);
      perSlice.get(slice).addItem(id, best == part.labels()[i], confidence, entropy);
      samples.add(SampleRow.classified(cell.id(), cell.method().label(), cell.seed(), slice, id, best,
          part.labels()[i], confidence, entropy));
    }
  }

  private List<MetricValue> metrics(CellSpec cell, TtaMetrics all, java.util.Collection<TtaMetrics> perSlice) {
    double peak = peakMemoryMb();
    List<String> requested = suite.metrics().stream().filter(m -> !m.equals(ForgettingProbe.METRIC)).toList();
    List<MetricValue> values = new ArrayList<>(all.values(requested, cell.seed(), peak));
    if (perSlice.size() > 1) {
      for (TtaMetrics m : perSlice) {
        values.addAll(m.values(requested, cell.seed(), peak));
      }
    }
    return values;
  }

  /** Peak resident memory of this process (VmHWM), which covers libtorch's native memory; NaN off Linux. */
  static double peakMemoryMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: no reading
    }
    return Double.NaN;
  }

  @Override
  public void close() {
    if (loaded != null) {
      loaded.close();
    }
  }
}
