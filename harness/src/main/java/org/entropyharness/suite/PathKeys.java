package org.entropyharness.suite;

import java.util.Map;
import org.entropyharness.guard.FileKind;

/** The suite keys that name files, and what each holds: the kind whose size limit its file must keep. */
final class PathKeys {
  private static final Map<String, FileKind> FILES = Map.of(
      "base", FileKind.CIFAR_BINARY,
      "clean", FileKind.CIFAR_BINARY,
      "clean-test", FileKind.CIFAR_BINARY,
      "checkpoint", FileKind.CHECKPOINT,
      "jsonl", FileKind.JSONL,
      "weights", FileKind.MODEL_WEIGHTS,
      "module", FileKind.MODEL_WEIGHTS,
      "vocab", FileKind.TEXT);

  private PathKeys() {}

  /** Whether the key names a folder (CIFAR-10-C's {@code npy}) rather than a file. */
  static boolean isFolder(String key) {
    return key.equals("npy");
  }

  /** Whether the key may name either a file or a folder of them ({@code parquet}: a file or a dataset split). */
  static boolean isFileOrFolder(String key) {
    return key.equals("parquet");
  }

  /** The kind of file a key names; keys not listed may name any data file. */
  static FileKind kindOf(String key) {
    return FILES.getOrDefault(key, FileKind.DATA);
  }
}
