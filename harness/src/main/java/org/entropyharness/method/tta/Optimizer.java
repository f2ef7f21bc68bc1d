package org.entropyharness.method.tta;

/**
 * A first-order optimizer over the flat BatchNorm affine vector, following PyTorch's update rules. Its state lives
 * in plain arrays, so a reset is exact.
 */
interface Optimizer {
  /** Updates {@code params} in place from {@code grad}. */
  void step(float[] params, float[] grad);

  /** Forgets all state (momentum buffers, step counts). */
  void reset();

  /** {@code sgd} (with momentum) or {@code adam}, from a method's parameters. */
  static Optimizer fromParams(MethodParams params, int size) {
    String kind = params.string("optimizer");
    float lr = (float) params.number("lr");
    return switch (kind) {
      case "sgd" -> new Sgd(size, lr, (float) params.number("momentum"));
      case "adam" -> new Adam(size, lr, (float) params.number("beta1"), (float) params.number("beta2"));
      default -> throw new IllegalArgumentException("optimizer '" + kind + "' is not one of sgd, adam");
    };
  }

  /** torch.optim.SGD with momentum, no dampening, no weight decay. */
  final class Sgd implements Optimizer {
    private final float lr;
    private final float momentum;
    private final float[] buffer;
    private boolean started;

    Sgd(int size, float lr, float momentum) {
      this.lr = lr;
      this.momentum = momentum;
      this.buffer = new float[size];
    }

    @Override
    public void step(float[] params, float[] grad) {
      for (int i = 0; i < params.length; i++) {
        buffer[i] = started ? momentum * buffer[i] + grad[i] : grad[i];
        params[i] -= lr * (momentum == 0 ? grad[i] : buffer[i]);
      }
      started = true;
    }

    @Override
    public void reset() {
      java.util.Arrays.fill(buffer, 0f);
      started = false;
    }
  }

  /** torch.optim.Adam with eps 1e-8, no weight decay. */
  final class Adam implements Optimizer {
    private static final float EPS = 1e-8f;
    private final float lr;
    private final float beta1;
    private final float beta2;
    private final float[] first;
    private final float[] second;
    private int steps;

    Adam(int size, float lr, float beta1, float beta2) {
      this.lr = lr;
      this.beta1 = beta1;
      this.beta2 = beta2;
      this.first = new float[size];
      this.second = new float[size];
    }

    @Override
    public void step(float[] params, float[] grad) {
      steps++;
      double correction1 = 1 - Math.pow(beta1, steps);
      double correction2 = Math.sqrt(1 - Math.pow(beta2, steps));
      float stepSize = (float) (lr / correction1);
      for (int i = 0; i < params.length; i++) {
        first[i] = beta1 * first[i] + (1 - beta1) * grad[i];
        second[i] = beta2 * second[i] + (1 - beta2) * grad[i] * grad[i];
        float denom = (float) (Math.sqrt(second[i]) / correction2) + EPS;
        params[i] -= stepSize * first[i] / denom;
      }
    }

    @Override
    public void reset() {
      java.util.Arrays.fill(first, 0f);
      java.util.Arrays.fill(second, 0f);
      steps = 0;
    }
  }
}
