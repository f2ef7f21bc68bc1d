package org.entropyharness.run.tta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private final int batch;
  private ModelSpec loadedSpec;
  private CifarResNet loaded;

  public TtaCellRunner(SuiteSpec suite) throws IOException {
    this.suite = suite;
    this.data = new TtaData(suite.dataset());
    this.perShift = suite.protocol().string("reset", "per-shift").equals("per-shift");
    this.batch = (int) suite.protocol().integer("batch", 200);
    modelFor(suite.models().get(0)); // the first model and the images load now: bad files fail before any cell runs
    data.slices();
  }

  /** Checks the dataset and model sections without loading anything. */
  public static void check(SuiteSpec suite) {
    new TtaData(suite.dataset());
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
        Fingerprint.sha256(suite.protocol().canonicalJson() + "|batch=" + batch + "|per-shift=" + perShift));
  }

  @Override
  public CellOutcome run(CellSpec cell, CellContext ctx) throws IOException {
    List<TtaSlice> slices = data.slices();
    long total = slices.stream().mapToLong(s -> s.images().count()).sum();
    CifarResNet model = modelFor(cell.model());
    TtaResources resources = new TtaResources(
        cell.method().id().equals("eata") ? data.cleanImages() : null, cell.seed(), device(cell.model()));
    List<SampleRow> samples = new ArrayList<>();
    List<TtaMetrics> perSlice = new ArrayList<>();
    long done = 0;
    try (AdaptationMethod method = TtaMethods.create(cell.method().id(), cell.method().params().asMap(), model, resources)) {
      for (TtaSlice slice : slices) {
        if (perShift) {
          method.reset();
        }
        perSlice.add(adapt(cell, method, slice, samples));
        done += slice.images().count();
        ctx.progress().advance(done, total);
      }
    }
    return new CellOutcome(metrics(cell, perSlice), samples);
  }

  private TtaMetrics adapt(CellSpec cell, AdaptationMethod method, TtaSlice slice, List<SampleRow> samples) {
    TtaMetrics metrics = new TtaMetrics(slice.name());
    ImageBatch images = slice.images();
    for (int from = 0; from < images.count(); from += batch) {
      ImageBatch part = images.slice(from, Math.min(images.count(), from + batch));
      long start = System.nanoTime();
      StepResult step = method.step(part);
      metrics.addStep(step.backwardSamples(), step.resets(), step.nonFinite(), System.nanoTime() - start);
      record(cell, slice.name(), part, step, metrics, samples);
    }
    return metrics;
  }

  private static void record(CellSpec cell, String slice, ImageBatch part, StepResult step, TtaMetrics metrics,
      List<SampleRow> samples) {
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
      metrics.addItem(id, best == part.labels()[i], confidence, entropy);
      samples.add(SampleRow.classified(cell.id(), cell.method().label(), cell.seed(), slice, id, best,
          part.labels()[i], confidence, entropy));
    }
  }

  private List<MetricValue> metrics(CellSpec cell, List<TtaMetrics> perSlice) {
    double peak = peakMemoryMb();
    TtaMetrics all = new TtaMetrics("all");
    List<MetricValue> values = new ArrayList<>();
    for (TtaMetrics m : perSlice) {
      all.addAll(m);
    }
    values.addAll(all.values(suite.metrics(), cell.seed(), peak));
    if (perSlice.size() > 1) {
      for (TtaMetrics m : perSlice) {
        values.addAll(m.values(suite.metrics(), cell.seed(), peak));
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
