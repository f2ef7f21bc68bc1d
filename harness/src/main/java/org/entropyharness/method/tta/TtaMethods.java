package org.entropyharness.method.tta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entropyharness.model.AdaptableClassifier;

/**
 * The registry of test-time adaptation methods by id. Defaults follow each paper's CIFAR-10-C setting where the
 * paper or its code gives one (see {@link #defaults}); every parameter can be overridden.
 */
public final class TtaMethods {
  private static final Map<String, Map<String, Object>> DEFAULTS = defaultsById();

  private TtaMethods() {}

  /** Registered ids, in presentation order. */
  public static List<String> ids() {
    return List.copyOf(DEFAULTS.keySet());
  }

  /**
   * Default parameters of a method.
   *
   * <ul>
   *   <li>{@code tent}: Adam, lr 1e-3, betas (0.9, 0.999), as in Tent's CIFAR-10-C configuration.
   *   <li>{@code renyi-tent}: as Tent, with Rényi order {@code alpha} 2 (α = 1 is Tent).
   *   <li>{@code eata}: SGD lr 0.005 momentum 0.9, {@code E0 = 0.4 ln C}, d-margin 0.4, Fisher weight 1 from 2,000
   *       clean images in batches of 64 (EATA's CIFAR setting; its ImageNet defaults are lr 2.5e-4, d-margin
   *       0.05, Fisher weight 2000).
   *   <li>{@code sar}: SGD lr 1e-3 momentum 0.9, {@code E0 = 0.4 ln C}, ρ 0.05, reset below 0.2, EMA 0.9.
   *   <li>{@code deyo}: SGD lr 2.5e-4 momentum 0.9 (the reference code's), confidence {@code 0.5 ln C}, weighting
   *       margin {@code 0.4 ln C}, PLPD threshold 0.2, 4×4 patches, both reweightings on.
   * </ul>
   *
   * @throws IllegalArgumentException for an unknown id
   */
  public static Map<String, Object> defaults(String id) {
    return defaults(id, MethodConfigs.PAPER);
  }

  /**
   * Default parameters of a method under a named configuration ({@code paper} or {@code benchmark}, see
   * {@link MethodConfigs}); the {@code config} key is among them, so it is part of every fingerprint.
   *
   * @throws IllegalArgumentException for an unknown id or configuration
   */
  public static Map<String, Object> defaults(String id, String config) {
    Map<String, Object> values = DEFAULTS.get(id);
    if (values == null) {
      throw new IllegalArgumentException("unknown TTA method '" + id + "'; known: " + String.join(", ", ids()));
    }
    return MethodConfigs.defaults(id, config, values);
  }

  /** True for methods that estimate something on clean training images (EATA's Fisher information). */
  public static boolean needsCleanImages(String id) {
    return id.equals("eata");
  }

  private static MethodParams merged(String id, Map<String, Object> params) {
    Map<String, Object> given = params == null ? Map.of() : params;
    Object config = given.getOrDefault("config", MethodConfigs.PAPER);
    if (!(config instanceof String name)) {
      throw new IllegalArgumentException("method '" + id + "': parameter 'config' must be text (default paper), "
          + "found " + config);
    }
    MethodParams merged = MethodParams.merge(id, defaults(id, name), given);
    if (id.equals("eta") && merged.number("fisher-alpha") != 0) {
      throw new IllegalArgumentException("method 'eta': parameter 'fisher-alpha' must be 0 (ETA is EATA without "
          + "the Fisher regulariser); use method 'eata' for a Fisher term");
    }
    return merged;
  }

  /**
   * Checks a method's parameters without a model: the id is known, every key is a parameter of the method and every
   * value has the parameter's type.
   *
   * @throws IllegalArgumentException naming the unknown id or the offending key
   */
  public static Map<String, Object> checkParams(String id, Map<String, Object> params) {
    return merged(id, params).asMap();
  }

  /**
   * Creates a method on {@code model}. The model stays owned by the caller and may be shared by methods run one
   * after another (they never change it).
   *
   * @throws IllegalArgumentException for an unknown id, an unknown parameter key (the message lists the allowed
   *     keys) or a value of the wrong type
   */
  public static AdaptationMethod create(
      String id, Map<String, Object> params, AdaptableClassifier model, TtaResources resources) {
    Objects.requireNonNull(model, "model");
    MethodParams merged = merged(id, params);
    return switch (id) {
      case "source" -> new FixedModelMethod(id, model, false);
      case "bn-adapt" -> new FixedModelMethod(id, model, true);
      case "tent" -> new EntropyMinimization(id, model, merged, 1.0);
      case "renyi-tent" -> new EntropyMinimization(id, model, merged, merged.number("alpha"));
      case "eata" -> new Eata(model, merged, fisher(model, merged, resources));
      case "sar" -> new Sar(model, merged);
      case "deyo" -> new Deyo(model, merged, PatchPermutations.seeded(resources == null ? 0L : resources.seed()));
      case "eta" -> eta(model, merged);
      case "ostta" -> new OpenSetFilter(model, merged);
      case "lame" -> new Lame(model, merged);
      case "rotta" -> new Rotta(model, merged, Augmentation.cotta(seed(resources)));
      case "cotta" -> new Cotta(model, merged, Augmentation.cotta(seed(resources)), seed(resources));
      default -> throw new IllegalStateException("registered method without a constructor: " + id);
    };
  }

  private static long seed(TtaResources resources) {
    return resources == null ? 0L : resources.seed();
  }

  private static AdaptationMethod eta(AdaptableClassifier model, MethodParams params) {
    return new RenamedMethod("eta", new Eata(model, params, null));
  }

  private static float[] fisher(AdaptableClassifier model, MethodParams params, TtaResources resources) {
    if (params.number("fisher-alpha") == 0) {
      return null;
    }
    if (resources == null || resources.cleanImages() == null) {
      throw new IllegalArgumentException("method 'eata' needs clean images (TtaResources.cleanImages) for its "
          + "Fisher estimate; pass them, or set fisher-alpha: 0 for ETA");
    }
    return FisherEstimate.compute(model, resources.cleanImages(), params.integer("fisher-samples"),
        params.integer("fisher-batch"));
  }

  private static Map<String, Map<String, Object>> defaultsById() {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    all.put("source", Map.of());
    all.put("bn-adapt", Map.of());
    Map<String, Object> tent = adam();
    all.put("tent", tent);
    Map<String, Object> renyi = new LinkedHashMap<>(tent);
    renyi.put("alpha", 2.0);
    all.put("renyi-tent", Map.copyOf(renyi));
    all.put("eata", withSgd(0.005, Map.of("e-margin", 0.4, "d-margin", 0.4, "fisher-alpha", 1.0,
        "fisher-samples", 2000, "fisher-batch", 64)));
    all.put("sar", withSgd(1e-3, Map.of("e-margin", 0.4, "rho", 0.05, "reset-threshold", 0.2,
        "ema-momentum", 0.9)));
    all.put("deyo", withSgd(2.5e-4, Map.of("e-margin", 0.5, "reweight-margin", 0.4, "plpd-threshold", 0.2,
        "patch-grid", 4, "reweight-entropy", 1.0, "reweight-plpd", 1.0)));
    all.put("eta", withSgd(0.005, Map.of("e-margin", 0.4, "d-margin", 0.4, "fisher-alpha", 0.0)));
    all.put("lame", Map.of("affinity", "knn", "knn", 5, "max-steps", 100));
    Map<String, Object> ostta = new LinkedHashMap<>(adam());
    ostta.put("diversity-weight", 1.0);
    all.put("ostta", Map.copyOf(ostta));
    Map<String, Object> rotta = new LinkedHashMap<>(adam());
    rotta.putAll(Map.of("memory-size", 64, "update-frequency", 64, "nu", 0.001, "alpha", 0.05, "lambda-t", 1.0,
        "lambda-u", 1.0));
    all.put("rotta", Map.copyOf(rotta));
    Map<String, Object> cotta = new LinkedHashMap<>(adam());
    cotta.putAll(Map.of("mt", 0.999, "rst", 0.01, "ap", 0.92, "augmentations", 32));
    all.put("cotta", Map.copyOf(cotta));
    return all;
  }

  private static Map<String, Object> adam() {
    return Map.of("optimizer", "adam", "lr", 1e-3, "beta1", 0.9, "beta2", 0.999, "momentum", 0.9);
  }

  private static Map<String, Object> withSgd(double lr, Map<String, Object> specific) {
    Map<String, Object> values = new LinkedHashMap<>(specific);
    values.putAll(Map.of("optimizer", "sgd", "lr", lr, "momentum", 0.9, "beta1", 0.9, "beta2", 0.999));
    return Map.copyOf(values);
  }
}
