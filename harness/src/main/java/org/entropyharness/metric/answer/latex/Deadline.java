package org.entropyharness.metric.answer.latex;

/** A point in time after which a comparison gives up; checked cooperatively while parsing and evaluating. */
public final class Deadline {
  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  /** A deadline {@code budget} from now. */
  public static Deadline after(java.time.Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos());
  }

  /** Throws {@link Exceeded} once the deadline has passed. */
  public void check() {
    if (System.nanoTime() - endNanos > 0) {
      throw new Exceeded();
    }
  }

  /** Thrown when the budget is spent; the comparison then counts as not equivalent. */
  public static final class Exceeded extends RuntimeException {
    Exceeded() {
      super("answer comparison timed out", null, false, false);
    }
  }
}
