package org.entropyharness.lm.train.rl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step's samples contribute: GRPO advantages (after the controller's choice for treatment (e)), the samples
 * with a non-zero advantage (the update), and their split into mini-batches by prompt group. Samples with a zero
 * advantage — every sample of a group whose rewards are all equal, and the controller's dropped signs — contribute
 * nothing to the policy gradient, so they are left out of the update altogether (as DAPO's dynamic sampling leaves
 * out zero-variance groups) instead of diluting the token mean; a step with none of them makes no update.
 *
 * @param advantages each sample's advantage
 * @param kept indices of the samples in the update
 * @param groupsKept groups with at least one kept sample
 * @param entropy token-mean exact entropy of the step's samples (nats)
 * @param band the controller's band, or null
 * @param mode the controller's choice, or null
 * @param groupSize samples per group (samples are stored group after group)
 */
record StepSelection(double[] advantages, List<Integer> kept, int groupsKept, double entropy,
    EntropyController.Band band, Integer mode, int groupSize) {

  static StepSelection of(List<RolloutSample> samples, RlPlan plan, int step) {
    double[] rewards = samples.stream().mapToDouble(RolloutSample::reward).toArray();
    double[] advantages = GroupAdvantages.normalise(rewards, plan.samplesPerPrompt());
    double entropy = meanEntropy(samples);
    EntropyController.Band band = null;
    Integer mode = null;
    if (plan.treatment() instanceof RlTreatment.EntropySchedule schedule) {
      band = new EntropyController(schedule, plan.steps()).band(step);
      mode = EntropyController.mode(entropy, band);
      advantages = EntropyController.select(advantages, mode);
    }
    List<Integer> kept = new ArrayList<>();
    Map<Integer, Boolean> groups = new LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      if (advantages[i] != 0) {
        kept.add(i);
        groups.put(samples.get(i).group(), true);
      }
    }
    return new StepSelection(advantages, kept, groups.size(), entropy, band, mode, plan.samplesPerPrompt());
  }

  /** The kept samples in {@code parts} runs of whole groups, as even as possible; empty runs are dropped. */
  List<List<Integer>> miniBatches(int parts) {
    List<List<Integer>> byGroup = new ArrayList<>();
    int lastGroup = -1;
    for (int i : kept) {
      if (byGroup.isEmpty() || i / groupSize != lastGroup) {
        byGroup.add(new ArrayList<>());
        lastGroup = i / groupSize;
      }
      byGroup.get(byGroup.size() - 1).add(i);
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int c = 0; c < parts; c++) {
      List<Integer> part = new ArrayList<>();
      for (int g = c * byGroup.size() / parts; g < (c + 1) * byGroup.size() / parts; g++) {
        part.addAll(byGroup.get(g));
      }
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  /** The step's log line from its samples, its selection and the updates' statistics. */
  static RlStep log(int step, List<RolloutSample> samples, StepSelection selection, List<GrpoUpdate.Stats> updates,
      double rolloutSeconds, double updateSeconds) {
    int sampled = 0;
    int correct = 0;
    for (RolloutSample s : samples) {
      sampled += s.response().length;
      correct += s.correct() ? 1 : 0;
    }
    int tokens = updates.stream().mapToInt(GrpoUpdate.Stats::tokens).sum();
    EntropyController.Band band = selection.band();
    return new RlStep(step, (double) correct / samples.size(), selection.entropy(), (double) sampled / samples.size(),
        weighted(updates, GrpoUpdate.Stats::clipFraction), weighted(updates, GrpoUpdate.Stats::klToStart),
        selection.groupsKept(), tokens, weighted(updates, GrpoUpdate.Stats::loss),
        updates.stream().mapToDouble(GrpoUpdate.Stats::gradNorm).average().orElse(Double.NaN),
        weighted(updates, GrpoUpdate.Stats::entropyTerm), weighted(updates, GrpoUpdate.Stats::covSelected),
        band == null ? Double.NaN : band.low(), band == null ? Double.NaN : band.high(), selection.mode(), sampled,
        rolloutSeconds, updateSeconds);
  }

  /** Token-weighted mean over the updates; NaN when there were none (or the quantity is NaN). */
  private static double weighted(List<GrpoUpdate.Stats> updates, java.util.function.ToDoubleFunction<GrpoUpdate.Stats> f) {
    double sum = 0;
    int tokens = 0;
    for (GrpoUpdate.Stats u : updates) {
      sum += f.applyAsDouble(u) * u.tokens();
      tokens += u.tokens();
    }
    return tokens == 0 ? Double.NaN : sum / tokens;
  }

  private static double meanEntropy(List<RolloutSample> samples) {
    double sum = 0;
    long tokens = 0;
    for (RolloutSample s : samples) {
      for (float e : s.entropies()) {
        sum += e;
      }
      tokens += s.entropies().length;
    }
    return sum / tokens;
  }
}
