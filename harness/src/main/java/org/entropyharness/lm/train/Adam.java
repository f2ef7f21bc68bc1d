package org.entropyharness.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam on DJL arrays with global-norm gradient clipping, written by hand so that every operation and its order are
 * ours (the same steps give the same bits). The moments live with the parameters' manager; {@link #attach} lends
 * them to a step's sub-manager so the step's intermediate arrays are freed with it.
 */
public final class Adam {
  private final Map<String, NDArray> params;
  private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double clip;
  private int updates;

  /**
   * Adam over {@code params} (their gradients are read and zeroed by {@link #step}).
   *
   * @param clip the largest global gradient norm; larger gradients are scaled down to it
   */
  public Adam(Map<String, NDArray> params, double beta1, double beta2, double eps, double clip) {
    this.params = params;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.clip = clip;
    params.forEach((name, p) -> moments.put(name, new NDArray[] {p.zerosLike(), p.zerosLike()}));
  }

  /** Temporarily attaches the parameters and the moments to {@code sub}. */
  public void attach(NDManager sub) {
    params.values().forEach(p -> p.tempAttach(sub));
    moments.values().forEach(m -> {
      m[0].tempAttach(sub);
      m[1].tempAttach(sub);
    });
  }

  /**
   * One update at learning rate {@code lr} from the accumulated gradients, which are then zeroed (DJL accumulates
   * across backward calls).
   *
   * @return the global gradient norm before clipping
   */
  public double step(double lr) {
    double norm = 0;
    for (NDArray p : params.values()) {
      norm += p.getGradient().square().sum().getFloat();
    }
    norm = Math.sqrt(norm);
    double scale = Math.min(1.0, clip / (norm + 1e-6));
    updates++;
    double correction1 = 1 - Math.pow(beta1, updates);
    double correction2 = 1 - Math.pow(beta2, updates);
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray p = e.getValue();
      NDArray g = p.getGradient().mul((float) scale);
      NDArray[] m = moments.get(e.getKey());
      m[0].muli((float) beta1).addi(g.mul((float) (1 - beta1)));
      m[1].muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
      NDArray update = m[0].div((float) correction1)
          .div(m[1].div((float) correction2).sqrt().addi((float) eps))
          .muli((float) lr);
      p.subi(update);
    }
    params.values().forEach(p -> p.getGradient().muli(0f));
    return norm;
  }

  /** Updates made so far. */
  public int updates() {
    return updates;
  }
}
