package org.entropyharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyharness.metric.answer.AnswerChecker;

/**
 * Grades per second of an earlier answer checker (its harness jar, loaded in a class loader of its own) against this
 * one, on the same pairs, in interleaved rounds (the order alternates each round) so that both see the same machine
 * load; prints the median of each side and their ratio.
 *
 * <p>{@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*'
 * org.entropyharness.bench.AnswerCheckerSideBySide OLD_HARNESS_JAR PAIRS.jsonl [ROUNDS]}. Pairs with a list-valued
 * answer are skipped (the earlier checker takes one reference string).
 */
public final class AnswerCheckerSideBySide {
  /** Seconds each side runs before measuring: the new checker has more code for the JIT to compile. */
  private static final double WARM_UP_SECONDS = 90;
  /** Each measurement repeats the file for at least this long. */
  private static final double ROUND_SECONDS = 1.5;

  private AnswerCheckerSideBySide() {}

  public static void main(String[] args) throws Exception {
    Path oldJar = Path.of(args[0]);
    List<String[]> pairs = pairs(Path.of(args[1]));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {oldJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Method old = loader.loadClass("org.entropyharness.metric.answer.AnswerChecker")
          .getMethod("grade", String.class, String.class);
      List<Double> before = new ArrayList<>();
      List<Double> after = new ArrayList<>();
      long warmEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
      while (System.nanoTime() < warmEnd) {
        rate(pairs, old);
        rate(pairs, null);
      }
      for (int r = 0; r < rounds; r++) {
        boolean oldFirst = r % 2 == 0;
        double a = oldFirst ? rate(pairs, old) : 0;
        double b = rate(pairs, null);
        if (!oldFirst) {
          a = rate(pairs, old);
        }
        before.add(a);
        after.add(b);
      }
      double mb = Medians.of(before);
      double ma = Medians.of(after);
      System.out.printf(Locale.ROOT, "%d pairs, %d rounds: before %.0f grades/s, after %.0f grades/s (medians), after/before %.2f%n",
          pairs.size(), rounds, mb, ma, ma / mb);
    }
  }

  /** Grades per second over whole passes of the file repeated for {@link #ROUND_SECONDS}. */
  private static double rate(List<String[]> pairs, Method old) throws Exception {
    long start = System.nanoTime();
    long graded = 0;
    while (System.nanoTime() - start < ROUND_SECONDS * 1e9) {
      graded += pass(pairs, old);
    }
    return graded / ((System.nanoTime() - start) / 1e9);
  }

  private static int pass(List<String[]> pairs, Method old) throws Exception {
    int sink = 0;
    for (String[] p : pairs) {
      try {
        Object grade = old == null ? AnswerChecker.grade(p[1], p[0]) : old.invoke(null, p[1], p[0]);
        sink += grade.hashCode() & 1;
      } catch (java.lang.reflect.InvocationTargetException e) {
        sink++;
      }
    }
    return sink >= 0 ? pairs.size() : 0;
  }

  private static List<String[]> pairs(Path file) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode c = json.readTree(line);
      if (!c.get("answer").isArray()) {
        out.add(new String[] {c.get("answer").asText(), c.get("output").asText()});
      }
    }
    return out;
  }
}
