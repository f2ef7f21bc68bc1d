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

  /** Restores the initial weights, optimizer state and every running statistic of the method exactly. */
  void reset();

  @Override
  void close();
}
