package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The float32-accurate functions against {@link Math}, on dense grids. The bounds are the ones
 * {@link SinglePrecisionMath} states: far below float32's relative resolution of 6e-8 for sine and
 * cosine (whose inputs, rounded to float32, are already uncertain by 6e-8 · |u|), and 4 float32 ulp
 * for tanh.
 */
class SinglePrecisionMathTest {

  private static final double SIN_COS_ABSOLUTE_ERROR = 1e-9;
  private static final double TANH_RELATIVE_ERROR = 3e-7;

  @Test
  void sinCos_hundredPeriods_withinOneBillionthOfMath() {
    double[] x = grid(-320.0, 320.0, 1_000_001);
    double[] sin = new double[x.length];
    double[] cos = new double[x.length];
    SinglePrecisionMath.sinCos(x, 0, x.length, 1.0, sin, cos);
    double worst = 0.0;
    for (int i = 0; i < x.length; i++) {
      worst = Math.max(worst, Math.abs(sin[i] - Math.sin(x[i])));
      worst = Math.max(worst, Math.abs(cos[i] - Math.cos(x[i])));
    }
    assertTrue(worst < SIN_COS_ABSOLUTE_ERROR, "worst absolute error " + worst);
  }

  @Test
  void sinCos_omega_scalesTheArgumentAndTheDerivative() {
    double omega = 2.5;
    double[] x = grid(-4.0, 4.0, 10_001);
    double[] sin = new double[x.length];
    double[] derivative = new double[x.length];
    SinglePrecisionMath.sinCos(x, 0, x.length, omega, sin, derivative);
    for (int i = 0; i < x.length; i++) {
      assertEquals(Math.sin(omega * x[i]), sin[i], SIN_COS_ABSOLUTE_ERROR);
      assertEquals(omega * Math.cos(omega * x[i]), derivative[i], omega * SIN_COS_ABSOLUTE_ERROR);
    }
  }

  @Test
  void sinCos_beyondTheReductionLimit_isMathExactly() {
    double[] x = {3.0e6, -7.5e9, 1.0e300};
    double[] sin = new double[x.length];
    double[] cos = new double[x.length];
    SinglePrecisionMath.sinCos(x, 0, x.length, 1.0, sin, cos);
    for (int i = 0; i < x.length; i++) {
      assertEquals(Math.sin(x[i]), sin[i], 0.0);
      assertEquals(Math.cos(x[i]), cos[i], 0.0);
    }
  }

  @Test
  void sinCos_nanAndInfinities_giveNaN() {
    double[] x = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] sin = new double[x.length];
    double[] cos = new double[x.length];
    SinglePrecisionMath.sinCos(x, 0, x.length, 1.0, sin, cos);
    for (int i = 0; i < x.length; i++) {
      assertTrue(Double.isNaN(sin[i]) && Double.isNaN(cos[i]), "at x = " + x[i]);
    }
  }

  @Test
  void tanh_grid_withinFourFloatUlpOfMath() {
    double[] x = grid(-12.0, 12.0, 1_000_001);
    double[] tanh = new double[x.length];
    SinglePrecisionMath.tanh(x, 0, x.length, tanh);
    double worst = 0.0;
    for (int i = 0; i < x.length; i++) {
      double exact = Math.tanh(x[i]);
      if (exact != 0.0) {
        worst = Math.max(worst, Math.abs(tanh[i] - exact) / Math.abs(exact));
      }
    }
    assertTrue(worst < TANH_RELATIVE_ERROR, "worst relative error " + worst);
  }

  @Test
  void tanh_tinyAndHugeArguments_keepRelativeAccuracy() {
    double[] x = {1e-300, -1e-30, 1e-5, 1e6, Double.NEGATIVE_INFINITY};
    double[] tanh = new double[x.length];
    SinglePrecisionMath.tanh(x, 0, x.length, tanh);
    for (int i = 0; i < x.length; i++) {
      double exact = Math.tanh(x[i]);
      assertEquals(exact, tanh[i], TANH_RELATIVE_ERROR * Math.abs(exact), "at x = " + x[i]);
    }
  }

  @Test
  void tanh_nan_staysNaN() {
    double[] tanh = new double[1];
    SinglePrecisionMath.tanh(new double[] {Double.NaN}, 0, 1, tanh);
    assertTrue(Double.isNaN(tanh[0]));
  }

  /** {@code count} evenly spaced points from {@code from} to {@code to}. */
  static double[] grid(double from, double to, int count) {
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = from + (to - from) * i / (count - 1);
    }
    return x;
  }
}
