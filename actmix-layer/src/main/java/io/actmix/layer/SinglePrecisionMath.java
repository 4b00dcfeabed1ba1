package io.actmix.layer;

/**
 * Sine, cosine and tanh over arrays, accurate to float32 resolution and several times faster than
 * {@link Math}'s double-precision functions: for networks that train in float32, whose activations
 * are rounded to 24 bits anyway. Computed in double precision, with no call and no data-dependent
 * branch in the loops, which the JIT compiles to vector code. {@code SinglePrecisionMathTest}
 * measures the errors stated below.
 *
 * <pre>
 *   sin, cos:  u = j·π + r with j = round(u/π), |r| ≤ π/2  (Cody–Waite, π in two parts),
 *              sin u = (−1)^j sin r,  cos u = (−1)^j cos r,  with Taylor polynomials of degree
 *              13 and 14 in r; absolute error &lt; 1e-9 for |u| ≤ 2^20 (below the float32
 *              rounding of the input itself), and Math.sin / Math.cos beyond.
 *   tanh:      x P(x²) / Q(x²) on x clamped to ±7.9053 (where it is ±1 in float32), the rational
 *              approximation Eigen uses for float tanh; relative error &lt; 3e-7 (4 float32 ulp).
 * </pre>
 */
final class SinglePrecisionMath {

  private SinglePrecisionMath() {}

  /** Above this |u| the two-part reduction is no longer exact enough; Math takes over. */
  static final double REDUCTION_LIMIT = 0x1p20;

  private static final double ONE_OVER_PI = 0.3183098861837907;
  // π = PI_HI + PI_LO; PI_HI has 33 significant bits, so j · PI_HI is exact for |j| < 2^20.
  private static final double PI_HI = 3.1415926534682512;
  private static final double PI_LO = 1.2154201013012384e-10;
  // Adding and subtracting 1.5 · 2^52 rounds a double of magnitude below 2^51 to an integer.
  private static final double ROUND = 0x1.8p52;

  // Taylor coefficients on |r| ≤ π/2: the first omitted terms are r^15/15! < 9e-10 and
  // r^16/16! < 7e-11 in absolute value.
  private static final double S3 = -1.0 / 6;
  private static final double S5 = 1.0 / 120;
  private static final double S7 = -1.0 / 5040;
  private static final double S9 = 1.0 / 362880;
  private static final double S11 = -1.0 / 39916800;
  private static final double S13 = 1.0 / 6227020800.0;
  private static final double C2 = -1.0 / 2;
  private static final double C4 = 1.0 / 24;
  private static final double C6 = -1.0 / 720;
  private static final double C8 = 1.0 / 40320;
  private static final double C10 = -1.0 / 3628800;
  private static final double C12 = 1.0 / 479001600;
  private static final double C14 = -1.0 / 87178291200.0;

  private static final double TANH_CLAMP = 7.90531110763549805;
  private static final double P1 = 4.89352455891786e-03;
  private static final double P3 = 6.37261928875436e-04;
  private static final double P5 = 1.48572235717979e-05;
  private static final double P7 = 5.12229709037114e-08;
  private static final double P9 = -8.60467152213735e-11;
  private static final double P11 = 2.00018790482477e-13;
  private static final double P13 = -2.76076847742355e-16;
  private static final double Q0 = 4.89352518554385e-03;
  private static final double Q2 = 2.26843463243900e-03;
  private static final double Q4 = 1.18534705686654e-04;
  private static final double Q6 = 1.19825839466702e-06;

  /**
   * {@code sin[i] = sin(ω x[i])} and, unless {@code cos} is null, {@code cos[i] = ω cos(ω x[i])}
   * (the derivative of the first with respect to x), at the indices {@code from} (inclusive) to
   * {@code to} (exclusive).
   */
  static void sinCos(double[] x, int from, int to, double omega, double[] sin, double[] cos) {
    // Two loops, not one: the JIT vectorizes a loop that stores one array, not one that stores two.
    for (int i = from; i < to; i++) {
      double u = omega * x[i];
      double turns = halfTurns(u);
      sin[i] = sign(turns) * sinReduced(reduce(u, turns));
    }
    if (cos != null) {
      for (int i = from; i < to; i++) {
        double u = omega * x[i];
        double turns = halfTurns(u);
        cos[i] = omega * sign(turns) * cosReduced(reduce(u, turns));
      }
    }
    for (int i = from; i < to; i++) {
      double u = omega * x[i];
      if (!(Math.abs(u) <= REDUCTION_LIMIT)) { // also NaN and infinities
        sin[i] = Math.sin(u);
        if (cos != null) {
          cos[i] = omega * Math.cos(u);
        }
      }
    }
  }

  /** The nearest integer {@code j} to {@code u / π}, as a double. */
  private static double halfTurns(double u) {
    return (u * ONE_OVER_PI + ROUND) - ROUND;
  }

  /** {@code r = u − j π}, in [−π/2, π/2]. */
  private static double reduce(double u, double halfTurns) {
    return (u - halfTurns * PI_HI) - halfTurns * PI_LO;
  }

  /** {@code (−1)^j}: a half turn negates both sine and cosine. */
  private static double sign(double halfTurns) {
    double parity = Math.abs(halfTurns - 2.0 * ((halfTurns * 0.5 + ROUND) - ROUND)); // 0 or 1
    return 1.0 - 2.0 * parity;
  }

  private static double sinReduced(double r) {
    double r2 = r * r;
    return r + r * r2 * (S3 + r2 * (S5 + r2 * (S7 + r2 * (S9 + r2 * (S11 + r2 * S13)))));
  }

  private static double cosReduced(double r) {
    double r2 = r * r;
    return 1.0 + r2 * (C2 + r2 * (C4 + r2 * (C6 + r2 * (C8 + r2 * (C10 + r2 * (C12 + r2 * C14))))));
  }

  /** {@code out[i] = tanh(x[i])} for {@code from ≤ i < to}; NaN stays NaN. */
  static void tanh(double[] x, int from, int to, double[] out) {
    for (int i = from; i < to; i++) {
      double v = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, x[i]));
      double v2 = v * v;
      double p = v * (P1 + v2 * (P3 + v2 * (P5 + v2 * (P7 + v2 * (P9 + v2 * (P11 + v2 * P13))))));
      double q = Q0 + v2 * (Q2 + v2 * (Q4 + v2 * Q6));
      out[i] = p / q;
    }
  }
}
