package org.entropyharness.suite;

import java.util.Objects;

/**
 * One method of a suite: its registered id, the label it is reported under, and its parameters as written.
 *
 * @param id the registered method id, such as {@code tent} or {@code self-consistency}
 * @param label unique within the suite; the id unless the parameters give {@code as: other-name}
 * @param params the parameters without {@code as}
 * @param position where the method is declared in the suite file
 */
public record MethodSpec(String id, String label, Params params, SourcePosition position) {
  public MethodSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(position, "position");
  }
}
