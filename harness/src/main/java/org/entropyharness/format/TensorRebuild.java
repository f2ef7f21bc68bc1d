package org.entropyharness.format;

import java.util.List;
import java.util.Map;
import org.entropyharness.format.PickleMachine.Call;
import org.entropyharness.format.PickleMachine.Tuple;
import org.entropyharness.guard.Limits;

/**
 * Turns {@code _rebuild_tensor[_v2](storage, offset, size, stride, ...)} into a dense tensor. The view is checked
 * against its storage before anything is allocated: every index it reads must lie inside the storage, and the
 * tensors together hold at most {@link Limits#CHECKPOINT_ELEMENTS} elements, so a stride-0 view of a one-element
 * storage cannot ask for gigabytes.
 */
final class TensorRebuild {
  private final String source;
  private final Map<String, float[]> data;
  private long allocated;

  TensorRebuild(String source, Map<String, float[]> data) {
    this.source = source;
    this.data = data;
  }

  /** The dense tensor of one state-dict entry. */
  TensorData rebuild(String key, Object value) throws DataFormatException {
    if (value instanceof Call call && call.callable().name().equals("_rebuild_parameter")
        && !call.args().items().isEmpty()) {
      value = call.args().items().get(0);
    }
    if (!(value instanceof Call call) || !call.callable().name().startsWith("_rebuild_tensor")
        || call.args().items().size() < 4 || !(call.args().items().get(0) instanceof StorageRef ref)) {
      throw fail(key, "is not a tensor; save model.state_dict()");
    }
    List<Object> args = call.args().items();
    float[] storage = data.get(ref.key());
    long offset = PickleValues.count(args.get(1));
    int[] shape = dims(key, args.get(2), "size");
    int[] stride = dims(key, args.get(3), "stride");
    if (storage == null || offset < 0 || shape.length != stride.length) {
      throw fail(key, "has a malformed view of storage '" + ref.key() + "'; the file is corrupt");
    }
    long count = elements(key, shape);
    if (count > 0 && offset + lastIndex(shape, stride) >= storage.length) {
      throw fail(key, "reads past the end of its storage '" + ref.key() + "' of " + storage.length
          + " elements; the file is corrupt");
    }
    allocated += count;
    return new TensorData(shape, gather(storage, (int) offset, shape, stride, (int) count));
  }

  private long elements(String key, int[] shape) throws DataFormatException {
    long count = 1;
    for (int d : shape) {
      count *= d;
      if (count > Limits.CHECKPOINT_ELEMENTS - allocated) {
        throw fail(key, "needs more than the " + Limits.CHECKPOINT_ELEMENTS + " elements a checkpoint may hold"
            + " (docs/limits.md); the file is not a CIFAR model");
      }
    }
    return count;
  }

  /** The largest storage index the view reads, relative to its offset (sizes and strides are non-negative). */
  private static long lastIndex(int[] shape, int[] stride) {
    long last = 0;
    for (int d = 0; d < shape.length; d++) {
      last += (long) (shape[d] - 1) * stride[d];
    }
    return last;
  }

  private int[] dims(String key, Object tuple, String what) throws DataFormatException {
    if (!(tuple instanceof Tuple t) || t.items().size() > Limits.PICKLE_DEPTH) {
      throw fail(key, "has a " + what + " that is " + PickleValues.describe(tuple) + "; the file is corrupt");
    }
    int[] out = new int[t.items().size()];
    for (int i = 0; i < out.length; i++) {
      long v = PickleValues.count(t.items().get(i));
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw fail(key, "has a " + what + " entry that is " + PickleValues.describe(t.items().get(i))
            + ", not a size; the file is corrupt");
      }
      out[i] = (int) v;
    }
    return out;
  }

  /** Copies a strided view into row-major order. */
  private static float[] gather(float[] storage, int offset, int[] shape, int[] stride, int count) {
    float[] out = new float[count];
    int[] index = new int[shape.length];
    for (int i = 0; i < count; i++) {
      int at = offset;
      for (int d = 0; d < shape.length; d++) {
        at += index[d] * stride[d];
      }
      out[i] = storage[at];
      for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
        index[d] = 0;
      }
    }
    return out;
  }

  private DataFormatException fail(String key, String problem) {
    return new DataFormatException(source + ":1:1: key '" + key + "' " + problem);
  }
}
