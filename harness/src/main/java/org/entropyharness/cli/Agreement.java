package org.entropyharness.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Agreement of grades with expected verdicts, with false accepts and false rejects apart, by category. */
final class Agreement {
  /** Per category: pairs, agreeing, false accepts, false rejects. */
  private final Map<String, int[]> rows = new TreeMap<>();

  void add(String category, boolean expected, boolean graded) {
    int[] row = rows.computeIfAbsent(category, k -> new int[4]);
    row[0]++;
    row[1] += expected == graded ? 1 : 0;
    row[2] += graded && !expected ? 1 : 0;
    row[3] += expected && !graded ? 1 : 0;
  }

  /** Prints nothing when no line had an expected verdict; else the table and the total. */
  void print(PrintWriter out) {
    if (rows.isEmpty()) {
      return;
    }
    int[] total = new int[4];
    if (rows.size() > 1 || !rows.containsKey("")) {
      out.printf(Locale.ROOT, "%-30s %6s %8s %13s %13s%n", "category", "pairs", "agree", "false accepts",
          "false rejects");
      rows.forEach((category, row) -> line(out, category.isEmpty() ? "(none)" : category, row));
    }
    rows.values().forEach(row -> {
      for (int k = 0; k < 4; k++) {
        total[k] += row[k];
      }
    });
    out.printf(Locale.ROOT, "agreement %.2f%% on %d pairs: %d false accepts (%.2f%%), %d false rejects (%.2f%%)%n",
        100.0 * total[1] / total[0], total[0], total[2], 100.0 * total[2] / total[0], total[3],
        100.0 * total[3] / total[0]);
  }

  private static void line(PrintWriter out, String category, int[] row) {
    out.printf(Locale.ROOT, "%-30s %6d %7.2f%% %13d %13d%n", category, row[0], 100.0 * row[1] / row[0], row[2], row[3]);
  }
}
