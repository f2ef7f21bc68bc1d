package org.entropyharness.format;

import java.util.List;
import org.entropyharness.guard.ExactNumbers;

/**
 * The parsed header of a {@code .npy} file.
 *
 * @param dtype numpy's type string, e.g. {@code |u1} or {@code <i8}
 * @param fortranOrder whether the data is column-major (this project only reads row-major)
 * @param shape the array's dimensions
 * @param dataOffset byte offset of the first element
 */
public record NpyHeader(String dtype, boolean fortranOrder, List<Long> shape, long dataOffset) {

  public NpyHeader {
    shape = List.copyOf(shape);
  }

  /**
   * Number of elements (product of the shape; 1 for a scalar). A header whose product overflows a long is refused by
   * {@link NpyReader#header} before anyone asks.
   */
  public long elements() {
    return ExactNumbers.product(shape, Long.MAX_VALUE).orElseThrow(() -> new ArithmeticException(
        "shape " + shape + " overflows"));
  }

  /** Bytes per element, from the dtype's trailing digits. */
  public int itemSize() {
    return Integer.parseInt(dtype.substring(2));
  }

  /** The header line numpy would write for this dtype and shape (without padding). */
  static String dictLiteral(String dtype, List<Long> shape) {
    StringBuilder s = new StringBuilder("{'descr': '").append(dtype).append("', 'fortran_order': False, 'shape': (");
    for (int i = 0; i < shape.size(); i++) {
      s.append(shape.get(i)).append(i == 0 && shape.size() == 1 ? "," : i + 1 < shape.size() ? ", " : "");
    }
    return s.append("), }").toString();
  }
}
