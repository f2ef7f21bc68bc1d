package org.entropyharness.method.tta;

import org.entropyharness.data.ImageBatch;

/**
 * A test-time adaptation method: classifies each incoming batch, then adapts the model to it. Created by
 * {@link TtaMethods#create}; owns native memory, so close it.
 */
public interface AdaptationMethod extends AutoCloseable {
  /** The registered id, e.g. {@code tent}. */
  String id();

  /** Predictions for {@code batch} made before this batch's update, then the update itself. */
  StepResult step(ImageBatch batch);

  /**
   * Predictions for {@code batch} with the method's current state, changing nothing (no update, no running
   * statistic, no memory): how the adapted model classifies, e.g. the clean test set after a stream.
   *
   * @throws UnsupportedOperationException when the method has no prediction apart from its adaptation step
   */
  default StepResult predict(ImageBatch batch) {
    throw new UnsupportedOperationException("method '" + id() + "' has no prediction without adaptation");
  }

  /** Restores the initial weights, optimizer state and every running statistic of the method exactly. */
  void reset();

  @Override
  void close();
}
