package org.entropyharness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.entropyharness.guard.Printable;
import org.entropyharness.suite.SuiteException;
import picocli.CommandLine.ParameterException;

/**
 * What a command's exception means for its user: bad input (exit 2, the exception's own located line) or a bug in
 * the harness (exit 3, with where it happened and a request to report it). Java's own texts for file-system errors
 * ({@code NoSuchFileException: x}, {@code No space left on device}) are turned into one located line.
 *
 * @param exitCode {@link ExitCodes#BAD_INPUT} or {@link ExitCodes#INTERNAL_ERROR}
 * @param message one printable line, without the {@code harness: } prefix
 */
record Failure(int exitCode, String message) {
  static final String REPORT = "this is a bug in the harness, not a problem with the input: please report it with the"
      + " command line (HARNESS_JAVA_OPTS=-Dharness.debug=true prints the stack trace)";

  Failure {
    message = Printable.escape(message.strip());
  }

  /** Classifies a throwable that ended a command. */
  static Failure of(Throwable t) {
    if (t instanceof UncheckedIOException u && u.getCause() != null) {
      return of(u.getCause());
    }
    if (t instanceof SuiteException || t instanceof ParameterException) {
      return bad(t.getMessage());
    }
    if (t instanceof IOException io) {
      return bad(fileSystemText(io));
    }
    if (t instanceof IllegalArgumentException && !(t instanceof NumberFormatException) && t.getMessage() != null) {
      return bad(t.getMessage());
    }
    return internal(t);
  }

  private static Failure bad(String message) {
    return new Failure(ExitCodes.BAD_INPUT, message == null ? "bad input" : message);
  }

  private static Failure internal(Throwable t) {
    String what = t instanceof OutOfMemoryError ? "ran out of memory (" + t.getMessage() + ")"
        : t instanceof StackOverflowError ? "stack overflow" : t.getClass().getSimpleName()
            + (t.getMessage() == null ? "" : " (" + firstLine(t.getMessage()) + ")");
    StackTraceElement[] trace = t.getStackTrace();
    StackTraceElement frame = java.util.Arrays.stream(trace).filter(e -> e.getClassName().startsWith("org.entropyharness."))
        .findFirst().orElse(trace.length == 0 ? null : trace[0]);
    String where = frame == null ? "" : " at " + frame.getClassName() + "." + frame.getMethodName() + "("
        + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    return new Failure(ExitCodes.INTERNAL_ERROR, "internal error: " + what + where + "; " + REPORT);
  }

  /** The JDK's file-system exceptions say the path and a reason apart: one located line from them. */
  static String fileSystemText(IOException e) {
    if (e instanceof NoSuchFileException f) {
      return f.getFile() + ":1:1: no such file or folder; check the path";
    }
    if (e instanceof AccessDeniedException f) {
      return f.getFile() + ":1:1: permission denied; fix the permissions or choose another path";
    }
    if (e instanceof NotDirectoryException f) {
      return f.getFile() + ":1:1: not a folder; give a folder";
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String reason = f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
      return f.getFile() + ":1:1: " + reason + "; " + fixFor(reason);
    }
    if (e instanceof CharacterCodingException) {
      return "input is not UTF-8 text (" + e.getClass().getSimpleName() + "); save the file as UTF-8";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String fixFor(String reason) {
    return reason.contains("No space left") ? "free some space or write elsewhere" : "check the path and its permissions";
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
