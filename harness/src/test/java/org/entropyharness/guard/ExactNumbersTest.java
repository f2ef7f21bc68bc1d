package org.entropyharness.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are powers of two written out by hand: 2^63 = 9223372036854775808, 2^32 + 2 = 4294967298. */
class ExactNumbersTest {

  @Test
  void should_refuse_integers_that_do_not_fit_instead_of_narrowing_them() {
    assertThat(ExactNumbers.toLong(new BigInteger("18446744073709551617"))).isEmpty();
    assertThat(ExactNumbers.toLong(new BigInteger("9223372036854775808"))).isEmpty();
    assertThat(ExactNumbers.toLong(new BigInteger("9223372036854775807"))).contains(Long.MAX_VALUE);
    assertThat(ExactNumbers.toLong(new BigInteger("-9223372036854775808"))).contains(Long.MIN_VALUE);
    assertThat(ExactNumbers.toInt(4294967298L)).isEmpty();
    assertThat(ExactNumbers.toInt(2147483647L)).contains(Integer.MAX_VALUE);
  }

  @Test
  void should_take_a_double_only_when_it_is_an_exact_integer() {
    assertThat(ExactNumbers.toLong(1e10)).contains(10_000_000_000L);
    assertThat(ExactNumbers.toInt(1e10)).isEmpty();
    assertThat(ExactNumbers.toLong(2.5)).isEmpty();
    assertThat(ExactNumbers.toLong(Double.NaN)).isEmpty();
    assertThat(ExactNumbers.toLong(Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(ExactNumbers.toLong(-0.0)).isEmpty();
    assertThat(ExactNumbers.toLong(0x1p53)).isEmpty();
    assertThat(ExactNumbers.toLong(new BigDecimal("12.000"))).contains(12L);
    assertThat(ExactNumbers.toLong("12")).isEmpty();
  }

  @Test
  void should_parse_decimal_integers_exactly() {
    assertThat(ExactNumbers.parseLong("+42")).contains(42L);
    assertThat(ExactNumbers.parseLong("-9223372036854775808")).contains(Long.MIN_VALUE);
    assertThat(ExactNumbers.parseLong("9223372036854775808")).isEmpty();
    assertThat(ExactNumbers.parseLong("1e3")).isEmpty();
    assertThat(ExactNumbers.parseLong("١٢")).isEmpty();
    assertThat(ExactNumbers.parseLong("")).isEmpty();
  }

  @Test
  void should_multiply_shapes_without_wrapping_around() {
    assertThat(ExactNumbers.product(List.of(50_000L, 32L, 32L, 3L), Long.MAX_VALUE)).contains(153_600_000L);
    // 2^62 x 4 = 2^64 wraps to 0 in a long: refused, not "an empty array"
    assertThat(ExactNumbers.product(List.of(4611686018427387904L, 4L), Long.MAX_VALUE)).isEmpty();
    assertThat(ExactNumbers.product(List.of(4294967296L, 4294967296L), Long.MAX_VALUE)).isEmpty();
    assertThat(ExactNumbers.product(List.of(4611686018427387904L, 4L, 0L), Long.MAX_VALUE)).contains(0L);
    assertThat(ExactNumbers.product(List.of(3L, -1L), Long.MAX_VALUE)).isEmpty();
    assertThat(ExactNumbers.product(List.of(1000L, 1000L), 999_999L)).isEmpty();
    assertThat(ExactNumbers.product(List.of(), 10)).contains(1L);
  }
}
