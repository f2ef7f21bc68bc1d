package org.entropyharness.metric.answer.latex;

/**
 * A complex double, enough for numeric comparison of answers such as {@code (1+i)^2} and {@code \sqrt{-4}}.
 *
 * @param re the real part
 * @param im the imaginary part
 */
public record Complex(double re, double im) {
  static final Complex NAN = new Complex(Double.NaN, Double.NaN);
  static final Complex I = new Complex(0, 1);

  /** The real number x. */
  public static Complex real(double x) {
    return new Complex(x, 0);
  }

  /** True when both parts are finite. */
  public boolean isFinite() {
    return Double.isFinite(re) && Double.isFinite(im);
  }

  boolean isReal() {
    return im == 0;
  }

  Complex plus(Complex o) {
    return new Complex(re + o.re, im + o.im);
  }

  Complex negate() {
    // -0.0 would put log's branch cut on the wrong side: the square root of -4 is 2i, not -2i.
    return new Complex(-re, im == 0 ? 0 : -im);
  }

  Complex times(Complex o) {
    if (isReal() && o.isReal()) {
      return real(re * o.re);
    }
    return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
  }

  Complex dividedBy(Complex o) {
    if (isReal() && o.isReal()) {
      return real(re / o.re);
    }
    double norm = o.re * o.re + o.im * o.im;
    return new Complex((re * o.re + im * o.im) / norm, (im * o.re - re * o.im) / norm);
  }

  /** The modulus. */
  public double abs() {
    return Math.hypot(re, im);
  }

  Complex log() {
    return new Complex(Math.log(abs()), Math.atan2(im == 0 ? 0.0 : im, re));
  }

  Complex exp() {
    double m = Math.exp(re);
    return isReal() ? real(m) : new Complex(m * Math.cos(im), m * Math.sin(im));
  }

  /** The principal power; a real base with a real exponent stays real where the real power exists. */
  Complex pow(Complex e) {
    if (isReal() && e.isReal()) {
      double r = Math.pow(re, e.re);
      if (!Double.isNaN(r)) {
        return real(r);
      }
    }
    if (e.isReal() && e.re == Math.rint(e.re) && Math.abs(e.re) <= 64) {
      Complex out = real(1);
      for (int k = 0; k < Math.abs(e.re); k++) {
        out = out.times(this);
      }
      return e.re < 0 ? real(1).dividedBy(out) : out;
    }
    if (re == 0 && im == 0) {
      return real(0);
    }
    return e.times(log()).exp();
  }

  /** The principal square root: {@code \sqrt{-4}} is 2i. */
  Complex sqrt() {
    if (isReal() && re >= 0) {
      return real(Math.sqrt(re));
    }
    return pow(real(0.5));
  }

  /**
   * True when both values agree to a relative {@code tolerance} (an absolute one near zero); non-finite values
   * never agree.
   */
  public boolean closeTo(Complex o, double tolerance) {
    if (!isFinite() || !o.isFinite()) {
      return false;
    }
    double diff = Math.hypot(re - o.re, im - o.im);
    double scale = Math.max(abs(), o.abs());
    return diff <= tolerance * scale || diff <= 1e-12;
  }
}
