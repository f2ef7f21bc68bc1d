package org.entropyharness.run.reasoning;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
  private final LanguageModel model;
  private final ReasoningContext context;

  public ReasoningCellRunner(SuiteSpec suite) throws IOException {
    this.suite = suite;
    this.data = new ReasoningData(suite.dataset());
    this.problems = data.problems();
    this.model = ReasoningBackends.open(suite.model());
    String template = suite.protocol().string("prompt", "{question}");
    this.context = new ReasoningContext(p -> template.replace("{question}", p.question()),
        text -> AnswerChecker.grade(text, "").extracted(), AnswerChecker::equivalent,
        (int) suite.protocol().integer("max-tokens", 256));
  }

  /** Checks the suite's dataset and model sections without loading the model. */
  public static void check(SuiteSpec suite) {
    new ReasoningData(suite.dataset());
    if (ReasoningBackends.skipReason(suite.model()).isEmpty()) {
      ReasoningBackends.check(suite.model());
    }
  }

  @Override
  public Fingerprint fingerprint(CellSpec cell) throws IOException {
    DecodingStrategy strategy = strategy(cell);
    return new Fingerprint(data.contentHash(), model.info().fingerprint(),
        Fingerprint.sha256(cell.method().id() + "|" + new java.util.TreeMap<>(strategy.params())),
        Long.toString(cell.seed()), Fingerprint.sha256(suite.protocol().canonicalJson()));
  }

  @Override
  public CellOutcome run(CellSpec cell, CellContext ctx) throws IOException {
    DecodingStrategy strategy = strategy(cell);
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
    return new CellOutcome(new ReasoningMetrics(suite.metrics(), cell.seed()).compute(outcomes), samples(cell, outcomes));
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
      Grade g = t.failed() ? null : AnswerChecker.grade(t.text(), p.answer());
      correct[i] = g != null && g.correct();
      extractions.add(g == null ? "failed" : g.extraction().toString());
    }
    boolean finalCorrect = !result.finalAnswer().isEmpty() && AnswerChecker.equivalent(result.finalAnswer(), p.answer());
    return new ProblemOutcome(p.id(), p.group(), p.answer(), result.finalAnswer(), finalCorrect, result.traces(),
        result.answers(), extractions, correct);
  }

  private static List<SampleRow> samples(CellSpec cell, List<ProblemOutcome> outcomes) {
    List<SampleRow> rows = new ArrayList<>();
    for (ProblemOutcome o : outcomes) {
      for (int i = 0; i < o.n(); i++) {
        Trace t = o.traces().get(i);
        rows.add(new SampleRow(cell.id(), cell.method().label(), cell.seed(), o.group(), o.problemId(), i,
            o.answers().get(i), o.reference(), t.failed() ? null : o.correct()[i], ReasoningMetrics.confidence(t),
            ReasoningMetrics.meanEntropy(t), t.promptTokens(), t.completionTokens(), t.tokenEntropies(), t.text(),
            o.extractions().get(i), t.failed() ? "error: " + t.error() : "ok"));
      }
    }
    return rows;
  }

  @Override
  public void close() {
    model.close();
  }
}
