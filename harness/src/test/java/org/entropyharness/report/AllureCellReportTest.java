package org.entropyharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.entropyharness.run.Families;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class AllureCellReportTest {
  static final Path RESULTS = Path.of("target/report-test/allure-results");
  final Recorder recorder = new Recorder(new FileSystemResultsWriter(RESULTS));
  final AllureLifecycle previous = Allure.getLifecycle();

  @AfterEach
  void restore() {
    Allure.setLifecycle(previous);
  }

  @Test
  void should_do_nothing_when_no_test_is_running() throws Exception {
    Allure.setLifecycle(new AllureLifecycle(recorder));
    SuiteSpec suite = suite();
    AllureCellReport.attach(suite, suite.cells().get(0), fingerprint(), ttaRows("source"), ttaSamples("source"));
    assertThat(AllureCellReport.active()).isFalse();
    assertThat(AllureCellReport.phase("load", () -> 42)).isEqualTo(42);
    assertThat(recorder.results).isEmpty();
    assertThat(recorder.attachments).isEmpty();
  }

  @Test
  void should_attach_parameters_steps_metrics_and_tta_charts_to_the_running_test() throws Exception {
    Allure.setLifecycle(new AllureLifecycle(recorder));
    SuiteSpec suite = suite();
    for (CellSpec cell : suite.cells()) {
      runTest(suite, cell);
    }
    TestResult result = recorder.results.get(1);
    assertThat(result.getParameters()).extracting(Parameter::getName)
        .containsExactly("suite", "dataset", "model", "method", "seed", "fingerprint");
    assertThat(result.getParameters()).extracting(Parameter::getValue)
        .contains("tiny-tta", "resnet20", "1", fingerprint().value());
    assertThat(result.getParameters().get(1).getValue()).startsWith("cifar10-c [all, gaussian_noise/3,");
    assertThat(result.getSteps()).extracting(StepResult::getName).containsExactly("load", "adapt", "score", "gate");
    assertThat(result.getAttachments()).extracting(Attachment::getName)
        .containsExactly("metrics of tent@1", "error by corruption", "error by severity", "reliability diagram");
    assertThat(result.getAttachments()).extracting(Attachment::getType)
        .containsExactly("text/csv", "image/png", "image/png", "image/png");
    assertThat(recorder.attachments).hasSize(4 * suite.cells().size());
  }

  @Test
  void should_let_a_failing_phase_throw_its_own_exception_and_mark_the_step_failed() {
    Allure.setLifecycle(new AllureLifecycle(recorder));
    AllureLifecycle lifecycle = Allure.getLifecycle();
    String uuid = UUID.randomUUID().toString();
    lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("failing"));
    lifecycle.startTestCase(uuid);
    IllegalStateException boom = new IllegalStateException("weights missing");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AllureCellReport.phase("load", () -> {
      throw boom;
    })).isSameAs(boom);
    lifecycle.stopTestCase(uuid);
    lifecycle.writeTestCase(uuid);
    assertThat(recorder.results.get(0).getSteps()).extracting(StepResult::getName, StepResult::getStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("load", Status.BROKEN));
  }

  private void runTest(SuiteSpec suite, CellSpec cell) throws Exception {
    AllureLifecycle lifecycle = Allure.getLifecycle();
    String uuid = UUID.randomUUID().toString();
    lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(cell.id()).setFullName(suite.name() + "/" + cell.id())
        .setHistoryId(suite.name() + "/" + cell.id()).setLabels(List.of(new Label().setName("suite").setValue(suite.name()))));
    lifecycle.startTestCase(uuid);
    String method = cell.method().label();
    List<MetricRow> rows = AllureCellReport.phase("load", () -> ttaRows(method));
    AllureCellReport.phase("adapt", () -> null);
    AllureCellReport.phase("score", () -> null);
    AllureCellReport.phase("gate", () -> null);
    AllureCellReport.attach(suite, cell, fingerprint(), rows, ttaSamples(method));
    lifecycle.updateTestCase(uuid, t -> t.setStatus(Status.PASSED));
    lifecycle.stopTestCase(uuid);
    lifecycle.writeTestCase(uuid);
  }

  static SuiteSpec suite() {
    return new SuiteLoader(Families.ALL).load(Path.of("src/test/resources/suites/good-tta.yaml"));
  }

  static Fingerprint fingerprint() {
    return new Fingerprint("d", "w", "m", "1", "p");
  }

  /** The fixture's TTA rows of the last night, renamed to a method of the tiny suite. */
  static List<MetricRow> ttaRows(String method) {
    String source = method.equals("source") ? "source" : method.equals("tent") ? "tent" : "bn-adapt";
    return LeaderboardTest.rows(HistoryFixture.TTA).stream().filter(r -> r.method().equals(source))
        .map(r -> new MetricRow("tiny-tta", r.family(), r.dataset(), r.slice(), r.model(), method, r.methodId(),
            r.params(), r.seed(), method + "@1", r.metric(), r.value(), r.ciLow(), r.ciHigh(), r.n(), r.unit(),
            r.higherIsBetter(), r.provenance(), r.failed(), fingerprint(), "run-1", "test", r.createdAt(),
            r.itemIds(), r.itemValues()))
        .toList();
  }

  /** Classified samples whose accuracy tracks their confidence, over-confident by a few points. */
  public static List<SampleRow> ttaSamples(String method) {
    java.util.Random random = new java.util.Random(method.hashCode());
    List<SampleRow> samples = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double confidence = 0.2 + 0.8 * random.nextDouble();
      boolean right = random.nextDouble() < confidence - 0.08;
      samples.add(SampleRow.classified(method + "@1", method, 1, "fog/5", "img-" + i, right ? 3 : 5, 3, confidence,
          1 - confidence));
    }
    return samples;
  }

  /** Keeps what Allure writes, and writes it to a results folder too (for a report of these tests). */
  static final class Recorder implements AllureResultsWriter {
    final AllureResultsWriter delegate;
    final List<TestResult> results = new ArrayList<>();
    final List<String> attachments = new ArrayList<>();

    Recorder(AllureResultsWriter delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(TestResult testResult) {
      results.add(testResult);
      delegate.write(testResult);
    }

    @Override
    public void write(TestResultContainer container) {
      delegate.write(container);
    }

    @Override
    public void write(String source, InputStream attachment) {
      attachments.add(source);
      delegate.write(source, attachment);
    }
  }
}
