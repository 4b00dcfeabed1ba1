package io.actmix.layer;

/**
 * Sine, cosine and tanh accurate to float32 resolution and several times faster than {@link Math}'s
 * double-precision functions: for networks that train in float32, whose values are rounded to 24
 * bits anyway. No call and no data-dependent branch in the loops, which the JIT compiles to vector
 * code. Over double arrays, computed in double (for the periodic embedding's angles, which reach
 * thousands of radians); over float arrays, computed in float, twice as many lanes a vector
 * instruction (for the ActMix mixture). {@code SinglePrecisionMathTest} measures the errors stated
 * below.
 *
 * <pre>
 *   sin, cos:  u = j·π + r with j = round(u/π), |r| ≤ π/2  (Cody–Waite, π in two or three parts),
 *              sin u = (−1)^j sin r,  cos u = (−1)^j cos r,  with Taylor polynomials in r.
 *              double: degrees 13 and 14, absolute error &lt; 1e-9 for |u| ≤ 2^20 (below the
 *              float32 rounding of the input itself), Math.sin / Math.cos beyond;
 *              float: degrees 11 and 12, absolute error &lt; 2e-7 (3 float32 ulp of values near
 *              1) for |u| ≤ 2^13, Math.sin / Math.cos beyond.
 *   tanh:      x P(x²) / Q(x²) on x clamped to ±7.9053 (where it is ±1 in float32), the rational
 *              approximation Eigen uses for float tanh, in float; relative error &lt; 4e-7.
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

  // The float constants are package-private: bench/micro/FusedKernelProbe.java computes the same
  // arithmetic from them.
  static final float TANH_CLAMP = 7.90531110763549805f;
  static final float P1 = 4.89352455891786e-03f;
  static final float P3 = 6.37261928875436e-04f;
  static final float P5 = 1.48572235717979e-05f;
  static final float P7 = 5.12229709037114e-08f;
  static final float P9 = -8.60467152213735e-11f;
  static final float P11 = 2.00018790482477e-13f;
  static final float P13 = -2.76076847742355e-16f;
  static final float Q0 = 4.89352518554385e-03f;
  static final float Q2 = 2.26843463243900e-03f;
  static final float Q4 = 1.18534705686654e-04f;
  static final float Q6 = 1.19825839466702e-06f;

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

  /** Above this |u| the float reduction is no longer exact enough; Math takes over. */
  static final float FLOAT_REDUCTION_LIMIT = 0x1p13f;

  static final float ONE_OVER_PI_F = (float) (1 / Math.PI);
  // π = PI_1 + PI_2 + PI_3 (Cephes' split of π/4, times 4): j · PI_1 is exact for |j| < 2^15.
  static final float PI_1 = 3.140625f;
  static final float PI_2 = 9.67502593994140625e-4f;
  static final float PI_3 = 1.509957990978376432e-7f;
  // Adding and subtracting 1.5 · 2^23 rounds a float of magnitude below 2^22 to an integer.
  static final float ROUND_F = 0x1.8p23f;

  /**
   * {@code sin[i] = sin(ω x[i])} and, unless {@code cos} is null, {@code cos[i] = ω cos(ω x[i])},
   * at the indices {@code from} (inclusive) to {@code to} (exclusive), in float arithmetic: {@code
   * ω x} rounded to float as a float network computes it.
   *
   * <p>The reduction runs once, in a loop of its own that leaves {@code t = (−1)^j r} in {@code
   * sin} and {@code (−1)^j} in {@code cos}; the polynomials then run in place, since {@code sin u =
   * sin t} (the polynomial is odd) and {@code cos u = (−1)^j cos t}. Three short loops that the JIT
   * turns into vector code are three times faster than two loops that each reduce.
   */
  static void sinCos(float[] x, int from, int to, float omega, float[] sin, float[] cos) {
    reduceHalfTurns(x, from, to, omega, sin, cos);
    if (cos != null) {
      for (int i = from; i < to; i++) {
        cos[i] = omega * cos[i] * cosReduced(sin[i]);
      }
    }
    for (int i = from; i < to; i++) {
      sin[i] = sinReduced(sin[i]);
    }
    if (withinReduction(x, from, to, omega)) {
      return;
    }
    for (int i = from; i < to; i++) {
      float u = omega * x[i];
      if (!(Math.abs(u) <= FLOAT_REDUCTION_LIMIT)) { // also NaN and infinities
        sin[i] = (float) Math.sin(u);
        if (cos != null) {
          cos[i] = omega * (float) Math.cos(u);
        }
      }
    }
  }

  /**
   * With {@code ω x[i] = j π + r}: {@code t[i] = (−1)^j r} and, unless {@code sign} is null, {@code
   * sign[i] = (−1)^j}, for {@code from ≤ i < to}; exact for {@code |ω x|} within {@link
   * #FLOAT_REDUCTION_LIMIT}.
   */
  private static void reduceHalfTurns(
      float[] x, int from, int to, float omega, float[] t, float[] sign) {
    if (sign == null) {
      for (int i = from; i < to; i++) {
        float u = omega * x[i];
        float turns = halfTurns(u);
        t[i] = sign(turns) * reduce(u, turns);
      }
    } else {
      for (int i = from; i < to; i++) {
        float u = omega * x[i];
        float turns = halfTurns(u);
        float s = sign(turns);
        t[i] = s * reduce(u, turns);
        sign[i] = s;
      }
    }
  }

  /**
   * Whether every {@code |ω x[i]|}, {@code from ≤ i < to}, is within {@link #FLOAT_REDUCTION_LIMIT}
   * (false once any is NaN). Arguments beyond are rare: their maximum, a loop the JIT vectorizes,
   * tells whether to look for them one by one (a loop with a branch, which it does not).
   */
  private static boolean withinReduction(float[] x, int from, int to, float omega) {
    float largest = 0f;
    for (int i = from; i < to; i++) {
      largest = Math.max(largest, Math.abs(omega * x[i])); // NaN once any is NaN
    }
    return largest <= FLOAT_REDUCTION_LIMIT;
  }

  /**
   * Adds the sine's share of the mixture to {@code y} and {@code d}: {@code y[i] += c[i] · sin(ω
   * z[i])} and, unless {@code d} is null, {@code d[i] += c[i] · ω cos(ω z[i])}, for {@code i < n};
   * {@code sin[i]} receives {@code sin(ω z[i])}, {@code sign} is scratch. Each element's values are
   * those of {@link #sinCos(float[], int, int, float, float[], float[])}, and each sum the one a
   * separate pass would add, to the bit; the two polynomial loops add as they go, instead of
   * storing the values for a pass of their own to read.
   *
   * @return false, having written nothing, when some {@code |ω z|} exceeds {@link
   *     #FLOAT_REDUCTION_LIMIT} (or is NaN): the caller then evaluates with {@link #sinCos}
   */
  static boolean addSine(
      float[] z, int n, float omega, float[] c, float[] sin, float[] sign, float[] y, float[] d) {
    if (!withinReduction(z, 0, n, omega)) {
      return false;
    }
    reduceHalfTurns(z, 0, n, omega, sin, d == null ? null : sign);
    if (d != null) {
      for (int i = 0; i < n; i++) {
        d[i] += c[i] * (omega * sign[i] * cosReduced(sin[i]));
      }
    }
    for (int i = 0; i < n; i++) {
      float value = sinReduced(sin[i]);
      sin[i] = value;
      y[i] += c[i] * value;
    }
    return true;
  }

  /** The nearest integer {@code j} to {@code u / π}, as a float. */
  private static float halfTurns(float u) {
    return (u * ONE_OVER_PI_F + ROUND_F) - ROUND_F;
  }

  /** {@code r = u − j π}, in [−π/2, π/2] for {@code |u| ≤} {@link #FLOAT_REDUCTION_LIMIT}. */
  private static float reduce(float u, float halfTurns) {
    return ((u - halfTurns * PI_1) - halfTurns * PI_2) - halfTurns * PI_3;
  }

  /** {@code (−1)^j}: {@code j − 2 round(j/2)} is 0 or ±1, its square the parity. */
  private static float sign(float halfTurns) {
    float odd = halfTurns - 2f * ((halfTurns * 0.5f + ROUND_F) - ROUND_F);
    return 1f - 2f * odd * odd;
  }

  // The double Taylor coefficients, rounded to float; the first omitted terms on |r| ≤ π/2 are
  // r^13/13! < 6e-8 and r^14/14! < 7e-9.
  static final float S3_F = (float) S3;
  static final float S5_F = (float) S5;
  static final float S7_F = (float) S7;
  static final float S9_F = (float) S9;
  static final float S11_F = (float) S11;
  static final float C2_F = (float) C2;
  static final float C4_F = (float) C4;
  static final float C6_F = (float) C6;
  static final float C8_F = (float) C8;
  static final float C10_F = (float) C10;
  static final float C12_F = (float) C12;

  /** {@code sin r} on {@code |r| ≤ π/2}. */
  private static float sinReduced(float r) {
    float r2 = r * r;
    return r + r * r2 * (S3_F + r2 * (S5_F + r2 * (S7_F + r2 * (S9_F + r2 * S11_F))));
  }

  /** {@code cos r} on {@code |r| ≤ π/2}. */
  private static float cosReduced(float r) {
    float r2 = r * r;
    return 1f + r2 * (C2_F + r2 * (C4_F + r2 * (C6_F + r2 * (C8_F + r2 * (C10_F + r2 * C12_F)))));
  }

  /** {@code out[i] = tanh(x[i])} for {@code from ≤ i < to}, in float; NaN stays NaN. */
  static void tanh(float[] x, int from, int to, float[] out) {
    for (int i = from; i < to; i++) {
      out[i] = tanh(x[i]);
    }
  }

  /** {@code tanh x} in float; NaN stays NaN. */
  private static float tanh(float x) {
    float v = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, x));
    float v2 = v * v;
    float p = v * (P1 + v2 * (P3 + v2 * (P5 + v2 * (P7 + v2 * (P9 + v2 * (P11 + v2 * P13))))));
    float q = Q0 + v2 * (Q2 + v2 * (Q4 + v2 * Q6));
    return p / q;
  }
}
