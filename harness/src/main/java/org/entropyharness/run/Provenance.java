package org.entropyharness.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** Versions and hardware recorded in every run manifest, so a result can be traced to what produced it. */
public final class Provenance {
  private Provenance() {}

  /** Harness, JDK, DJL, PyTorch native and Arrow versions. */
  public static Map<String, String> versions() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("harness", harnessVersion());
    v.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
    v.put("djl", packageVersion("ai.djl.Model", "0.35.1"));
    v.put("pytorch-native", "2.7.1");
    v.put("arrow", packageVersion("org.apache.arrow.vector.VectorSchemaRoot", "18.3.0"));
    return v;
  }

  /** OS, architecture, cores and maximum heap. */
  public static Map<String, String> hardware() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    h.put("arch", System.getProperty("os.arch"));
    h.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    h.put("max-heap-mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
    return h;
  }

  /** The harness version from the jar manifest, "dev" from classes. */
  public static String harnessVersion() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static String packageVersion(String className, String pinned) {
    try {
      String v = Class.forName(className).getPackage().getImplementationVersion();
      return v == null ? pinned : v;
    } catch (ClassNotFoundException e) {
      return "absent";
    }
  }
}
