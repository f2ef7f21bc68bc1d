package org.entropyharness.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Range checks of numeric options, made before a command does anything: picocli parses {@code --limit -5} as an
 * int, and a negative limit must not quietly mean "all".
 */
final class OptionChecks {
  private OptionChecks() {}

  /** Refuses a value below {@code min}, naming the option, the value and what is allowed. */
  static long atLeast(CommandSpec spec, String option, long value, long min, String meaning) {
    if (value < min) {
      throw refused(spec, option, value, meaning);
    }
    return value;
  }

  /** The error for an option's value: {@code --limit: found -5; give ...}. */
  static ParameterException refused(CommandSpec spec, String option, Object found, String meaning) {
    return new ParameterException(spec.commandLine(), option + ": found " + found + "; give " + meaning);
  }
}
