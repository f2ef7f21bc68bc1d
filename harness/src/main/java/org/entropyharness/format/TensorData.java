package org.entropyharness.format;

import java.util.Arrays;

/**
 * A dense float32 tensor read from a checkpoint: its shape and its values in row-major (C) order.
 *
 * @param shape sizes per dimension (empty for a scalar)
 * @param values {@code product(shape)} values, row-major
 */
public record TensorData(int[] shape, float[] values) {

  public TensorData {
    shape = shape.clone();
    long count = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
    if (count != values.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " holds " + count + " values, not " + values.length);
    }
  }

  /** The shape as a copy. */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public int size() {
    return values.length;
  }

  /** Shape as {@code [a, b, c]}, for messages. */
  public String shapeText() {
    return Arrays.toString(shape);
  }
}
