package org.entropyharness.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.ImageBatch;

/** Shipped data and weights used by the model and TTA tests. */
public final class ModelFixtures {
  private ModelFixtures() {}

  /** The repository root (surefire sets {@code harness.root}). */
  public static Path root() {
    return Path.of(System.getProperty("harness.root", ".."));
  }

  /** The ResNet-20 checkpoint. */
  public static Path resnet20() {
    return root().resolve("datasets/models/resnet20-12fca82f.th");
  }

  /** The ResNet-56 checkpoint. */
  public static Path resnet56() {
    return root().resolve("datasets/models/resnet56-4bfd9763.th");
  }

  /** The first {@code limit} CIFAR-10 test images (all when 0). */
  public static ImageBatch testImages(int limit) {
    try {
      return CifarBinaryReader.read(root().resolve("datasets/cifar10/test_batch.bin"), limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code limit} CIFAR-10 training images. */
  public static ImageBatch trainImages(int limit) {
    try {
      return CifarBinaryReader.read(root().resolve("datasets/cifar10/train_first2000.bin"), limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CifarResNet shared;

  /**
   * One ResNet-20 on the CPU for every test of a JVM that only reads it (the network is immutable: methods pass their
   * own affine vector); loaded on first use and freed when the JVM exits.
   */
  public static synchronized CifarResNet sharedResnet20() {
    if (shared == null) {
      shared = loadResnet20();
    }
    return shared;
  }

  /** Loads ResNet-20 on the CPU. */
  public static CifarResNet loadResnet20() {
    try {
      return CifarResNet.load(resnet20(), 20, "cpu");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
