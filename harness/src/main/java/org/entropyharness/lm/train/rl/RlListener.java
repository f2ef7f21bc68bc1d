package org.entropyharness.lm.train.rl;

import java.nio.file.Path;

/** Hears a GRPO run's steps and checkpoints (the command line draws its progress bar and log from them). */
public interface RlListener {
  /** A step is done. */
  void step(RlStep step);

  /** The model after {@code step} steps was written to {@code file} (step 0 is the start). */
  void checkpoint(int step, Path file) throws java.io.IOException;
}
