package org.entropyharness.gate;

import java.util.List;

/**
 * A metric of one cell compared with its baseline. "Worse by" is signed so that positive is worse whatever the
 * metric's direction; its interval is one-sided at the gate's confidence on each end.
 *
 * @param metric metric name
 * @param slice slice
 * @param baseline baseline value
 * @param current current value
 * @param worseBy how much worse the current run is (negative: better)
 * @param low lower confidence bound of worseBy
 * @param high upper confidence bound of worseBy
 * @param tolerance allowed worsening, in the metric's unit
 * @param pairedItems items paired by id (0 when the comparison is unpaired)
 * @param flips items that got worse, worst first (at most 20)
 * @param flipCount how many items got worse in all
 */
public record Comparison(
    String metric,
    String slice,
    double baseline,
    double current,
    double worseBy,
    double low,
    double high,
    double tolerance,
    int pairedItems,
    List<Flip> flips,
    int flipCount) {

  public Comparison {
    flips = List.copyOf(flips);
  }

  public boolean paired() {
    return pairedItems > 0;
  }
}
