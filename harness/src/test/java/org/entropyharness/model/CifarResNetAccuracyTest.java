package org.entropyharness.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.entropyharness.data.ImageBatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Source accuracy on the full CIFAR-10 test set must reproduce the published figures to the image. */
@Tag("slow")
class CifarResNetAccuracyTest {

  static int correct(Path checkpoint, int depth) throws IOException {
    ImageBatch all = ModelFixtures.testImages(0);
    int correct = 0;
    try (CifarResNet model = CifarResNet.load(checkpoint, depth, "cpu")) {
      for (int from = 0; from < all.count(); from += 500) {
        ImageBatch batch = all.slice(from, Math.min(all.count(), from + 500));
        try (NDManager step = model.newStepManager()) {
          long[] predicted = model.forwardEval(CifarInput.toArray(step, batch)).argMax(1).toLongArray();
          for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == batch.labels()[i] ? 1 : 0;
          }
        }
      }
    }
    return correct;
  }

  @Test
  void should_classify_9173_test_images_correctly_with_resnet20() throws IOException {
    assertThat(correct(ModelFixtures.resnet20(), 20)).isEqualTo(9173);
  }

  @Test
  void should_classify_9339_test_images_correctly_with_resnet56() throws IOException {
    assertThat(correct(ModelFixtures.resnet56(), 56)).isEqualTo(9339);
  }
}
