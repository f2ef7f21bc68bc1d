package org.entropyharness.guard;

/** The kinds of file the harness reads, each with the largest size it accepts (see {@code docs/limits.md}). */
public enum FileKind {
  /** A suite file (YAML). */
  SUITE("suite file", Limits.SUITE_BYTES),
  /** A CIFAR-10/100 binary file (the full training set is 6 × 30.7 MB). */
  CIFAR_BINARY("CIFAR binary file", 256L << 20),
  /** A NumPy array; read a block at a time, so it may be large (a CIFAR-10-C file is 154 MB). */
  NPY(".npy file", 8L << 30),
  /** A {@code torch.save} checkpoint of a CIFAR ResNet (ResNet-56 is 3.5 MB). */
  CHECKPOINT("checkpoint", 1L << 30),
  /** Weights of a language model read into memory (the embedded model, a TorchScript module). */
  MODEL_WEIGHTS("model weights file", Integer.MAX_VALUE - 8L),
  /** A JSONL file of problems or model outputs (GSM8K's test set is 0.7 MB). */
  JSONL("JSONL file", 256L << 20),
  /** A small JSON or text file (a vocabulary, a manifest, a side file). */
  TEXT("text file", 64L << 20),
  /** An Arrow file of results, a baseline or a night of the history. */
  ARROW("Arrow file", 1L << 30),
  /** Any other data file a suite names. */
  DATA("data file", 8L << 30);

  private final String noun;
  private final long maxBytes;

  FileKind(String noun, long maxBytes) {
    this.noun = noun;
    this.maxBytes = maxBytes;
  }

  /** What the file is called in messages, e.g. {@code suite file}. */
  public String noun() {
    return noun;
  }

  /** The largest size accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }
}
