package org.entropyharness.run;

/**
 * One of N deterministic parts of a suite's cells: cell i (in suite order) belongs to shard {@code i mod N + 1}.
 *
 * @param index 1-based shard number
 * @param count number of shards
 */
public record Shard(int index, int count) {
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + "/" + count + " is not K/N with 1 <= K <= N");
    }
  }

  /** Parses {@code K/N}. */
  public static Shard parse(String text) {
    String[] parts = text.split("/");
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("--shard '" + text + "' is not K/N, e.g. 2/4");
  }

  public boolean includes(int cellIndex) {
    return cellIndex % count == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
