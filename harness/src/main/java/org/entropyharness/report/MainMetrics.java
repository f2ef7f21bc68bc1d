package org.entropyharness.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.suite.SuiteSpec;

/** The metric a suite is ranked on: its first gated metric, else its first listed metric. */
public final class MainMetrics {
  private MainMetrics() {}

  /** Suite name → main metric. */
  public static Map<String, String> of(List<SuiteSpec> suites) {
    Map<String, String> map = new HashMap<>();
    for (SuiteSpec s : suites) {
      String metric = !s.gates().isEmpty() ? s.gates().get(0).metric() : s.metrics().isEmpty() ? null : s.metrics().get(0);
      if (metric != null) {
        map.put(s.name(), metric);
      }
    }
    return map;
  }
}
