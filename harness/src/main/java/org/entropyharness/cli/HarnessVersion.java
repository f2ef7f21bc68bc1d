package org.entropyharness.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code harness --version}, from the jar manifest. */
public final class HarnessVersion implements IVersionProvider {
  /** The harness version, "dev" when run from classes rather than the jar. */
  public static String current() {
    String v = HarnessVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"harness " + current(), "java " + System.getProperty("java.version")};
  }
}
