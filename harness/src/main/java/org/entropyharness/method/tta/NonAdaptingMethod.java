package org.entropyharness.method.tta;

import org.entropyharness.data.ImageBatch;

/** A method that changes nothing between batches: its prediction is its step, and there is nothing to reset. */
interface NonAdaptingMethod extends AdaptationMethod {
  @Override
  default StepResult predict(ImageBatch batch) {
    return step(batch);
  }

  @Override
  default void reset() {}

  @Override
  default void close() {}
}
