package org.entropyharness.method.tta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named configurations a method's parameter {@code config} selects, so either can be reproduced without tuning
 * on the test stream.
 *
 * <ul>
 *   <li>{@code paper}: each paper's (or its authors' code's) CIFAR-10-C setting where one exists.
 *   <li>{@code benchmark}: the public TTA benchmark's CIFAR-10-C configuration (mariodoebler/test-time-adaptation,
 *       {@code classification/cfgs/cifar10_c/*.yaml} over {@code conf.py}): Adam at lr 1e-3, betas (0.9, 0.999),
 *       for Tent, EATA, ETA, DeYO, RoTTA and CoTTA; SAR keeps SGD at lr 1e-3 with momentum 0.9 (its SAM wraps SGD
 *       whatever {@code OPTIM.METHOD} says); EATA's Fisher estimate in batches of the test batch size (200); LAME's
 *       RBF affinity. The benchmark's batch 200 is the protocol's {@code batch}.
 * </ul>
 */
final class MethodConfigs {
  static final String PAPER = "paper";
  static final List<String> NAMES = List.of(PAPER, "benchmark");

  private MethodConfigs() {}

  /**
   * The defaults of {@code id} under {@code config}, the {@code config} key included.
   *
   * @throws IllegalArgumentException naming the allowed configurations
   */
  static Map<String, Object> defaults(String id, String config, Map<String, Object> paper) {
    if (!NAMES.contains(config)) {
      throw new IllegalArgumentException("method '" + id + "': parameter 'config' must be one of "
          + String.join(", ", NAMES) + ", found '" + config + "'");
    }
    Map<String, Object> values = new LinkedHashMap<>(paper);
    if (!config.equals(PAPER)) {
      values.putAll(benchmarkOverrides(id));
    }
    values.put("config", config);
    return Map.copyOf(values);
  }

  private static Map<String, Object> benchmarkOverrides(String id) {
    Map<String, Object> adam = Map.of("optimizer", "adam", "lr", 1e-3, "beta1", 0.9, "beta2", 0.999);
    return switch (id) {
      case "tent", "renyi-tent", "eta", "deyo", "rotta", "cotta", "ostta" -> adam;
      case "eata" -> merged(adam, Map.of("fisher-batch", 200));
      case "sar" -> Map.of("optimizer", "sgd", "lr", 1e-3, "momentum", 0.9);
      case "lame" -> Map.of("affinity", "rbf");
      default -> Map.of();
    };
  }

  private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    out.putAll(b);
    return out;
  }
}
