package org.entropyharness.cli;

import java.util.List;
import org.entropyharness.lm.train.rl.RlStep;
import org.entropyharness.store.Column;
import org.entropyharness.store.ColumnKind;
import org.entropyharness.store.TableSchema;

/**
 * The per-step training log of {@code harness train-rl} as an Arrow table ({@code rl-training-log}, format 1): one row
 * per step, the columns of {@link RlStep} in snake case; a quantity the treatment does not have is null.
 */
final class RlTrainingLog {
  static final TableSchema<RlStep> TABLE = new TableSchema<>("rl-training-log", 1, List.of(
      Column.required("step", ColumnKind.INT, RlStep::step),
      Column.required("reward_mean", ColumnKind.DOUBLE, RlStep::rewardMean),
      Column.required("entropy", ColumnKind.DOUBLE, RlStep::entropy),
      Column.required("response_length", ColumnKind.DOUBLE, RlStep::responseLength),
      optional("clip_fraction", RlStep::clipFraction),
      optional("kl_to_start", RlStep::klToStart),
      Column.required("groups_kept", ColumnKind.INT, RlStep::groupsKept),
      Column.required("update_tokens", ColumnKind.INT, RlStep::updateTokens),
      optional("loss", RlStep::loss),
      optional("grad_norm", RlStep::gradNorm),
      optional("entropy_term", RlStep::entropyTerm),
      optional("cov_selected", RlStep::covSelected),
      optional("target_low", RlStep::targetLow),
      optional("target_high", RlStep::targetHigh),
      Column.optional("controller_mode", ColumnKind.INT, RlStep::controllerMode),
      Column.required("sampled_tokens", ColumnKind.INT, RlStep::sampledTokens),
      Column.required("rollout_seconds", ColumnKind.DOUBLE, RlStep::rolloutSeconds),
      Column.required("update_seconds", ColumnKind.DOUBLE, RlStep::updateSeconds)),
      row -> new RlStep(row.intValue("step"), row.doubleValue("reward_mean"), row.doubleValue("entropy"),
          row.doubleValue("response_length"), row.doubleValue("clip_fraction"), row.doubleValue("kl_to_start"),
          row.intValue("groups_kept"), row.intValue("update_tokens"), row.doubleValue("loss"),
          row.doubleValue("grad_norm"), row.doubleValue("entropy_term"), row.doubleValue("cov_selected"),
          row.doubleValue("target_low"), row.doubleValue("target_high"),
          row.isNull("controller_mode") ? null : row.intValue("controller_mode"), row.intValue("sampled_tokens"),
          row.doubleValue("rollout_seconds"), row.doubleValue("update_seconds")));

  private RlTrainingLog() {}

  /** A double column whose NaN (not measured or not applicable) is stored as null. */
  private static Column<RlStep> optional(String name, java.util.function.ToDoubleFunction<RlStep> getter) {
    return Column.optional(name, ColumnKind.DOUBLE, r -> {
      double v = getter.applyAsDouble(r);
      return Double.isNaN(v) ? null : v;
    });
  }
}
