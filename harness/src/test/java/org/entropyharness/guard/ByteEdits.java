package org.entropyharness.guard;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random damage to a valid file's bytes, for fuzzing readers: overwritten bytes, a cut, a repeated or removed slice,
 * and little-endian integers set to extremes where a length or count may sit.
 */
public final class ByteEdits {
  private static final List<Integer> EXTREMES = List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, 65_536);

  private ByteEdits() {}

  /** The seed with one to eight random edits. */
  public static Arbitrary<byte[]> of(byte[] seed) {
    return edit(seed).list().ofMinSize(1).ofMaxSize(8).map(edits -> {
      byte[] bytes = seed;
      for (Edit e : edits) {
        bytes = e.apply(bytes);
      }
      return bytes;
    });
  }

  /** One edit, placed by a fraction of the length so it stays inside a file that earlier edits changed. */
  private interface Edit {
    byte[] apply(byte[] bytes);
  }

  private static Arbitrary<Edit> edit(byte[] seed) {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<Integer> length = Arbitraries.integers().between(1, Math.max(1, seed.length / 4));
    Arbitrary<Edit> overwrite = Combinators.combine(at, Arbitraries.bytes()).as((w, b) -> bytes -> {
      byte[] out = bytes.clone();
      if (out.length > 0) {
        out[index(w, out.length)] = b;
      }
      return out;
    });
    Arbitrary<Edit> extreme = Combinators.combine(at, Arbitraries.of(EXTREMES)).as((w, v) -> bytes -> {
      byte[] out = bytes.clone();
      int i = index(w, out.length);
      for (int k = 0; k < 4 && i + k < out.length; k++) {
        out[i + k] = (byte) (v >>> (8 * k));
      }
      return out;
    });
    Arbitrary<Edit> cut = at.map(w -> bytes -> Arrays.copyOf(bytes, index(w, bytes.length)));
    Arbitrary<Edit> remove = Combinators.combine(at, length).as((w, n) -> bytes -> {
      int i = index(w, bytes.length);
      int end = Math.min(bytes.length, i + n);
      byte[] out = new byte[bytes.length - (end - i)];
      System.arraycopy(bytes, 0, out, 0, i);
      System.arraycopy(bytes, end, out, i, bytes.length - end);
      return out;
    });
    Arbitrary<Edit> repeat = Combinators.combine(at, length).as((w, n) -> bytes -> {
      int i = index(w, bytes.length);
      int end = Math.min(bytes.length, i + n);
      byte[] out = new byte[bytes.length + (end - i)];
      System.arraycopy(bytes, 0, out, 0, end);
      System.arraycopy(bytes, i, out, end, bytes.length - i);
      return out;
    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, overwrite), net.jqwik.api.Tuple.of(3, extreme), net.jqwik.api.Tuple.of(1, cut),
        net.jqwik.api.Tuple.of(1, remove), net.jqwik.api.Tuple.of(1, repeat));
  }

  private static int index(double where, int length) {
    return Math.min(length == 0 ? 0 : length - 1, (int) (where * length));
  }
}
