package org.entropyharness.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays in libtorch's channels-last memory format: NCHW in shape, NHWC in memory. oneDNN convolves channels-last
 * tensors directly, while plain NCHW ones are reordered into a blocked layout and back around every convolution
 * (the largest cost of a forward pass on the CPU before this layout was used); BatchNorm, ReLU and the residual
 * additions keep the format of their input, so one channels-last input makes the whole network channels-last.
 */
final class ChannelsLast {
  private ChannelsLast() {}

  /** A {@code [n, c, h, w]} array over NHWC values ({@code nhwc[((i·h + y)·w + x)·c + ch]}). */
  static NDArray images(NDManager manager, float[] nhwc, int n, int c, int h, int w) {
    return manager.create(nhwc, new Shape(n, h, w, c)).transpose(0, 3, 1, 2);
  }

  /** A convolution weight of shape {@code oihw} from its OIHW values, stored OHWI. */
  static NDArray weight(NDManager manager, float[] oihw, int[] shape) {
    int out = shape[0];
    int in = shape[1];
    int kh = shape[2];
    int kw = shape[3];
    float[] ohwi = new float[oihw.length];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        for (int y = 0; y < kh; y++) {
          for (int x = 0; x < kw; x++) {
            ohwi[((o * kh + y) * kw + x) * in + i] = oihw[((o * in + i) * kh + y) * kw + x];
          }
        }
      }
    }
    return images(manager, ohwi, out, in, kh, kw);
  }
}
