package org.entropyharness.cli;

import java.util.List;
import org.entropyharness.lm.train.rl.RlTreatment;
import picocli.CommandLine.Option;

/**
 * The entropy treatment of {@code harness train-rl} and its parameters. A parameter of another treatment is an
 * error, so a command line says exactly what was used. Defaults are those chosen on the validation split
 * (docs/rl-entropy.md).
 */
final class RlTreatmentOptions {
  @Option(names = "--treatment", required = true,
      description = "plain, shannon, renyi, kl-cov, clip-cov or entropy-schedule")
  String name;

  @Option(names = "--entropy-coef", description = "shannon / renyi: bonus weight beta (default: 0.01)")
  Double beta;

  @Option(names = "--renyi-alpha", description = "renyi: order alpha (default: 2)")
  Double alpha;

  @Option(names = "--kl-cov-fraction", description = "kl-cov: top fraction of tokens by covariance (default: 0.002)")
  Double klCovFraction;

  @Option(names = "--kl-cov-coef", description = "kl-cov: penalty weight (default: 1)")
  Double klCovCoefficient;

  @Option(names = "--clip-cov-fraction", description = "clip-cov: fraction of tokens detached (default: 0.0002)")
  Double clipCovFraction;

  @Option(names = "--clip-cov-bounds", split = ",", description = "clip-cov: covariance window low,high (default: 1,5)")
  List<Double> clipCovBounds;

  @Option(names = "--target-low", split = ",", description = "entropy-schedule: band low end start,end (nats)")
  List<Double> targetLow;

  @Option(names = "--target-high", split = ",", description = "entropy-schedule: band high end start,end (nats)")
  List<Double> targetHigh;

  /** The treatment named by {@code --treatment} with its parameters. */
  RlTreatment treatment() {
    return switch (name) {
      case "plain" -> only("plain", new RlTreatment.Plain());
      case "shannon" -> only("shannon", new RlTreatment.ShannonBonus(or(beta, 0.01)), "--entropy-coef");
      case "renyi" -> only("renyi", new RlTreatment.RenyiBonus(or(alpha, 2.0), or(beta, 0.01)), "--entropy-coef",
          "--renyi-alpha");
      case "kl-cov" -> only("kl-cov", new RlTreatment.KlCov(or(klCovFraction, 0.002), or(klCovCoefficient, 1.0)),
          "--kl-cov-fraction", "--kl-cov-coef");
      case "clip-cov" -> only("clip-cov", new RlTreatment.ClipCov(or(clipCovFraction, 0.0002),
          pair(clipCovBounds, "--clip-cov-bounds", 1.0, 5.0)[0], pair(clipCovBounds, "--clip-cov-bounds", 1.0, 5.0)[1]),
          "--clip-cov-fraction", "--clip-cov-bounds");
      case "entropy-schedule" -> only("entropy-schedule", schedule(), "--target-low", "--target-high");
      default -> throw new IllegalArgumentException("--treatment " + name + " is unknown; use plain, shannon, renyi,"
          + " kl-cov, clip-cov or entropy-schedule");
    };
  }

  private RlTreatment schedule() {
    double[] low = pair(targetLow, "--target-low", 0.20, 0.14);
    double[] high = pair(targetHigh, "--target-high", 0.26, 0.18);
    return new RlTreatment.EntropySchedule(low[0], low[1], high[0], high[1]);
  }

  /** The treatment, after checking no option of another treatment was given. */
  private RlTreatment only(String treatment, RlTreatment value, String... allowed) {
    List<String> own = List.of(allowed);
    Object[][] all = {{"--entropy-coef", beta}, {"--renyi-alpha", alpha}, {"--kl-cov-fraction", klCovFraction},
        {"--kl-cov-coef", klCovCoefficient}, {"--clip-cov-fraction", clipCovFraction},
        {"--clip-cov-bounds", clipCovBounds}, {"--target-low", targetLow}, {"--target-high", targetHigh}};
    for (Object[] option : all) {
      if (option[1] != null && !own.contains((String) option[0])) {
        throw new IllegalArgumentException(option[0] + " does not apply to --treatment " + treatment + "; drop it"
            + (own.isEmpty() ? "" : " (this treatment takes " + String.join(", ", own) + ")"));
      }
    }
    return value;
  }

  private static double or(Double value, double otherwise) {
    return value == null ? otherwise : value;
  }

  private static double[] pair(List<Double> values, String option, double first, double second) {
    if (values == null) {
      return new double[] {first, second};
    }
    if (values.size() != 2) {
      throw new IllegalArgumentException(option + " takes two numbers, start,end; got " + values);
    }
    return new double[] {values.get(0), values.get(1)};
  }
}
