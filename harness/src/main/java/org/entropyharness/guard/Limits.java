package org.entropyharness.guard;

/**
 * Every resource limit the harness enforces on what it reads, in one place (documented in {@code docs/limits.md}).
 * Each is far above what a real file of its kind needs and far below what would exhaust a 512 MB heap or hang a run.
 */
public final class Limits {
  /** Bytes of a suite file; the largest shipped suite is about 2 KB. */
  public static final long SUITE_BYTES = 1L << 20;
  /**
   * Values of a YAML document after alias expansion (a billion-laughs file expands to millions); a suite of 256
   * models needs about 4,000.
   */
  public static final int YAML_NODES = 20_000;
  /** Nesting depth of a YAML document; a suite needs about 5. */
  public static final int YAML_DEPTH = 20;
  /** Characters of a mapping key in a YAML document; suite keys are short words. */
  public static final int YAML_KEY_CHARS = 64;
  /** Aliases that may point at a collection in one YAML document. */
  public static final int YAML_COLLECTION_ALIASES = 50;
  /** Bytes of one line of a JSONL file (a MATH-500 line is about 3,000). */
  public static final int LINE_CHARS = 4 << 20;
  /** Elements of the storages of a checkpoint, and of its tensors (64 MB of float32 each; ResNet-56 has 0.86 M). */
  public static final long CHECKPOINT_ELEMENTS = 1L << 24;
  /** Bytes of the pickle inside a checkpoint (a state dict's pickle is kilobytes). */
  public static final long PICKLE_BYTES = 64L << 20;
  /** Entries on the pickle machine's stack and in its memo. */
  public static final int PICKLE_ENTRIES = 1 << 20;
  /** Nesting of pickled values a reader follows (tuples in tuples). */
  public static final int PICKLE_DEPTH = 32;
  /** Deepest CIFAR ResNet (ResNet-1202 of He et al. 2016 is the deepest published). */
  public static final int RESNET_DEPTH = 1202;

  private Limits() {}
}
