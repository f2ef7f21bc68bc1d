package org.entropyharness.run.tta;

import java.util.Set;
import org.entropyharness.suite.Params;

/**
 * The protocol's stream: in which order the shifts and their images arrive and when the method resets. The
 * definitions follow the public TTA benchmark (mariodoebler/test-time-adaptation: {@code test_time.py} settings,
 * {@code datasets/data_loading.py}).
 *
 * @param kind {@code per-shift}, {@code continual}, {@code gradual} or {@code mixed}
 * @param shuffled images of each segment in a seeded random order (every {@code stream:}); false keeps the file
 *     order of a suite that only says {@code reset:}
 * @param dirichlet concentration δ of the label correlation, NaN for none
 */
record StreamSpec(String kind, boolean shuffled, double dirichlet) {
  static final Set<String> KINDS = Set.of("per-shift", "continual", "gradual", "mixed", "dirichlet");
  /** δ of {@code stream: dirichlet} when the protocol gives none (the benchmark's CIFAR setting). */
  static final double DEFAULT_DIRICHLET = 0.1;

  /**
   * Reads {@code stream}, {@code dirichlet} and the older {@code reset}. {@code stream: dirichlet} is the benchmark's
   * {@code correlated} setting: continual, labels correlated.
   */
  static StreamSpec from(Params protocol) {
    String reset = protocol.string("reset", "per-shift");
    if (!protocol.has("stream")) {
      if (protocol.has("dirichlet")) {
        throw protocol.error("dirichlet", "dirichlet needs a stream; add stream: per-shift, continual, gradual, "
            + "mixed or dirichlet");
      }
      return new StreamSpec(reset, false, Double.NaN);
    }
    String kind = protocol.string("stream", "per-shift");
    if (protocol.has("reset") && !reset.equals(kind.equals("per-shift") ? "per-shift" : "continual")) {
      throw protocol.error("reset", "reset: " + reset + " contradicts stream: " + kind + "; drop reset (stream "
          + "decides it)");
    }
    double delta = protocol.number("dirichlet", kind.equals("dirichlet") ? DEFAULT_DIRICHLET : Double.NaN);
    return new StreamSpec(kind.equals("dirichlet") ? "continual" : kind, true, delta);
  }

  /** True when the method restarts from its initial state before each shift. */
  boolean resetPerShift() {
    return kind.equals("per-shift");
  }

  /** True when labels are temporally correlated. */
  boolean correlated() {
    return !Double.isNaN(dirichlet);
  }

  /** A canonical text for fingerprints and provenance. */
  String describe() {
    return kind + (shuffled ? "|shuffled" : "|file-order") + (correlated() ? "|dirichlet=" + dirichlet : "");
  }
}
