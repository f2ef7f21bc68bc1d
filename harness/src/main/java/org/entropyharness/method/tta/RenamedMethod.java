package org.entropyharness.method.tta;

import org.entropyharness.data.ImageBatch;

/** A method registered under a second id with other defaults (ETA is EATA without its Fisher regulariser). */
final class RenamedMethod implements AdaptationMethod {
  private final String id;
  private final AdaptationMethod inner;

  RenamedMethod(String id, AdaptationMethod inner) {
    this.id = id;
    this.inner = inner;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public StepResult step(ImageBatch batch) {
    return inner.step(batch);
  }

  @Override
  public StepResult predict(ImageBatch batch) {
    return inner.predict(batch);
  }

  @Override
  public void reset() {
    inner.reset();
  }

  @Override
  public void close() {
    inner.close();
  }
}
