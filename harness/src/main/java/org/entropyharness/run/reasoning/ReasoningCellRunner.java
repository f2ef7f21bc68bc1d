package org.entropyharness.run.reasoning;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.data.math.Problem;
import org.entropyharness.method.reasoning.DecodingStrategies;
import org.entropyharness.method.reasoning.DecodingStrategy;
import org.entropyharness.method.reasoning.ReasoningContext;
import org.entropyharness.method.reasoning.ReasoningResult;
import org.entropyharness.metric.answer.AnswerChecker;
import org.entropyharness.metric.answer.Grade;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.cache.CachingLanguageModel;
import org.entropyharness.lm.cache.FileGenerationCache;
import org.entropyharness.run.CellContext;
import org.entropyharness.run.CellOutcome;
import org.entropyharness.run.CellRunner;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.SampleRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.ModelSpec;
import org.entropyharness.suite.SuiteSpec;

/**
 * Runs reasoning cells: every problem through the cell's strategy on the suite's model, traces cached in the run
 * folder (so a resumed run or a strategy reusing the same samples generates nothing twice), graded by the answer
 * checker, measured by {@link ReasoningMetrics}.
 */
public final class ReasoningCellRunner implements CellRunner {
  /**
   * Prompts per call to the model, as a multiple of what it keeps in flight: each call waits for its slowest
   * request, so a few waves per call keep a server busy, while a crash loses at most one call's generations (the
   * cache stores them when the call returns).
   */
  private static final int WAVES_PER_CALL = 8;
  private static final int MIN_CALL = 16;

  private final SuiteSpec suite;
  private final ReasoningData data;
  private final List<Problem> problems;
  private final ReasoningContext context;
  private final Map<String, Problem> problemsById = new HashMap<>();
  private ModelSpec loadedSpec;
  private LanguageModel loaded;
  private LanguageModel baseLoaded;

  public ReasoningCellRunner(SuiteSpec suite) throws IOException {
    this.suite = suite;
    this.data = new ReasoningData(suite.dataset());
    this.problems = data.problems();
    problems.forEach(p -> problemsById.put(p.id(), p));
    modelFor(suite.models().get(0)); // bad weights fail before any cell runs
    String template = suite.protocol().string("prompt", "{question}");
    this.context = new ReasoningContext(p -> template.replace("{question}", p.question()),
        text -> AnswerChecker.grade(text, "").extracted(), AnswerChecker::equivalent,
        (int) suite.protocol().integer("max-tokens", 256));
  }

  /** Checks the suite's dataset and model sections without loading the model. */
  public static void check(SuiteSpec suite) {
    new ReasoningData(suite.dataset());
    for (ModelSpec model : suite.models()) {
      if (ReasoningBackends.skipReason(model.section()).isEmpty()) {
        ReasoningBackends.check(model.section());
      }
    }
  }

  /** The cell's model, kept open while consecutive cells use it (cells run model by model). */
  private LanguageModel modelFor(ModelSpec spec) throws IOException {
    if (!spec.equals(loadedSpec)) {
      if (loaded != null) {
        loaded.close();
        loaded = null;
      }
      loaded = ReasoningBackends.open(spec.section());
      loadedSpec = spec;
    }
    return loaded;
  }

  @Override
  public Fingerprint fingerprint(CellSpec cell) throws IOException {
    DecodingStrategy strategy = strategy(cell);
    return new Fingerprint(data.contentHash(), modelFor(cell.model()).info().fingerprint(),
        Fingerprint.sha256(cell.method().id() + "|" + new java.util.TreeMap<>(strategy.params())),
        Long.toString(cell.seed()), Fingerprint.sha256(suite.protocol().canonicalJson()));
  }

  @Override
  public CellOutcome run(CellSpec cell, CellContext ctx) throws IOException {
    DecodingStrategy strategy = strategy(cell);
    LanguageModel model = modelFor(cell.model());
    List<ProblemOutcome> outcomes = new ArrayList<>();
    try (FileGenerationCache cache = new FileGenerationCache(ctx.cacheDir().resolve(FileGenerationCache.FILE_NAME))) {
      CachingLanguageModel cached = new CachingLanguageModel(model, cache);
      int call = Math.max(MIN_CALL, WAVES_PER_CALL * model.maxInFlight());
      for (int from = 0; from < problems.size(); from += call) {
        List<Problem> chunk = problems.subList(from, Math.min(problems.size(), from + call));
        List<GenerationRequest> requests = chunk.stream().map(p -> strategy.request(p, problemSeed(cell, p))).toList();
        List<List<Trace>> traces = cached.generateAll(requests);
        for (int i = 0; i < chunk.size(); i++) {
          outcomes.add(grade(chunk.get(i), strategy.aggregate(chunk.get(i), traces.get(i))));
        }
        ctx.progress().advance(outcomes.size(), problems.size());
      }
    }
    CheckpointMetrics checkpoints = new CheckpointMetrics(cell.seed(), policyEntropies(model, outcomes),
        baseView(cell, ctx, outcomes));
    return new CellOutcome(new ReasoningMetrics(suite.metrics(), cell.seed(), checkpoints).compute(outcomes),
        samples(cell, outcomes));
  }

  /** The policy entropies of every problem's traces at the suite's entropy temperature, when a metric needs them. */
  private Map<String, PolicyEntropy> policyEntropies(LanguageModel model, List<ProblemOutcome> outcomes)
      throws IOException {
    Map<String, PolicyEntropy> out = new HashMap<>();
    if (suite.metrics().stream().noneMatch(CheckpointMetrics::needsPolicyEntropy)) {
      return out;
    }
    boolean exactAtOne = model.info().provenance().exact();
    for (ProblemOutcome o : outcomes) {
      out.put(o.problemId(), PolicyEntropy.of(model, prompt(o.problemId()), o.traces(), entropyTemperature(),
          exactAtOne));
    }
    return out;
  }

  /** The base model's view of this cell, when the suite names a base and this cell is on another model. */
  private BaseView baseView(CellSpec cell, CellContext ctx, List<ProblemOutcome> outcomes) throws IOException {
    var base = suite.baseModel();
    if (base.isEmpty() || base.get().equals(cell.model())
        || suite.metrics().stream().noneMatch(CheckpointMetrics::needsBase)) {
      return null;
    }
    boolean forking = suite.metrics().stream().anyMatch(m -> m.startsWith("forking-"));
    return BaseView.of(base.get().label(), ctx.cells().samples(cell.on(base.get())), outcomes,
        forking ? baseModel(base.get()) : null, this::prompt, entropyTemperature(),
        suite.protocol().number("forking-percentile", 80));
  }

  /** The base model for rescoring, opened once beside the cell's model. */
  private LanguageModel baseModel(ModelSpec base) throws IOException {
    if (base.equals(loadedSpec)) {
      return loaded;
    }
    if (baseLoaded == null) {
      baseLoaded = ReasoningBackends.open(base.section());
    }
    return baseLoaded;
  }

  private double entropyTemperature() {
    return suite.protocol().number("entropy-temperature", 1.0);
  }

  /** The prompt of a problem by id, as the model saw it. */
  private String prompt(String problemId) {
    return context.prompt().apply(problemsById.get(problemId));
  }

  private DecodingStrategy strategy(CellSpec cell) {
    return DecodingStrategies.create(cell.method().id(), cell.method().params().asMap(), context);
  }

  private static long problemSeed(CellSpec cell, Problem p) {
    return cell.seed() * 0x9E3779B97F4A7C15L + p.id().hashCode();
  }

  private static ProblemOutcome grade(Problem p, ReasoningResult result) {
    int n = result.traces().size();
    boolean[] correct = new boolean[n];
    List<String> extractions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Trace t = result.traces().get(i);
      Grade g = t.failed() ? null : AnswerChecker.grade(t.text(), p.reference());
      correct[i] = g != null && g.correct();
      extractions.add(g == null ? "failed" : g.extraction().toString());
    }
    boolean finalCorrect = !result.finalAnswer().isEmpty() && AnswerChecker.matches(result.finalAnswer(), p.reference());
    return new ProblemOutcome(p.id(), p.group(), p.answer(), result.finalAnswer(), finalCorrect, result.traces(),
        result.answers(), extractions, correct, result.abstained());
  }

  private static List<SampleRow> samples(CellSpec cell, List<ProblemOutcome> outcomes) {
    List<SampleRow> rows = new ArrayList<>();
    for (ProblemOutcome o : outcomes) {
      for (int i = 0; i < o.n(); i++) {
        Trace t = o.traces().get(i);
        rows.add(new SampleRow(cell.id(), cell.method().label(), cell.seed(), o.group(), o.problemId(), i,
            o.answers().get(i), o.reference(), t.failed() ? null : o.correct()[i], TraceMeasures.confidence(t),
            TraceMeasures.meanEntropy(t), count(TraceMeasures.promptTokens(t)),
            count(TraceMeasures.completionTokens(t)), t.tokenEntropies(), t.text(),
            o.extractions().get(i), t.failed() ? "error: " + t.error() : "ok"));
      }
    }
    return rows;
  }

  /** A measured count, or null (the column's "not measured"). */
  private static Integer count(double v) {
    return Double.isFinite(v) ? (int) v : null;
  }

  @Override
  public void close() {
    if (loaded != null) {
      loaded.close();
    }
    if (baseLoaded != null) {
      baseLoaded.close();
    }
  }
}
