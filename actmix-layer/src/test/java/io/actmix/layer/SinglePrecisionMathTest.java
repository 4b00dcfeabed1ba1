package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The float32-accurate functions against {@link Math}, on dense grids. The bounds are the ones
 * {@link SinglePrecisionMath} states: over double arrays, far below float32's relative resolution
 * of 6e-8 for sine and cosine (whose inputs, rounded to float32, are already uncertain by 6e-8 ·
 * |u|); over float arrays, 2e-7 absolute for sine and cosine (3 float32 ulp of values near 1) and
 * 4e-7 relative for tanh.
 */
class SinglePrecisionMathTest {

  private static final double SIN_COS_ABSOLUTE_ERROR = 1e-9;
  private static final double FLOAT_SIN_COS_ABSOLUTE_ERROR = 2e-7;
  private static final double TANH_RELATIVE_ERROR = 4e-7;

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
  void floatSinCos_overTheReductionRange_withinTwoTenMillionthsOfMath() {
    float[] x = floatGrid(-SinglePrecisionMath.FLOAT_REDUCTION_LIMIT, 8192f, 2_000_001);
    float[] sin = new float[x.length];
    float[] cos = new float[x.length];
    SinglePrecisionMath.sinCos(x, 0, x.length, 1f, sin, cos);
    double worst = 0.0;
    for (int i = 0; i < x.length; i++) {
      worst = Math.max(worst, Math.abs(sin[i] - Math.sin(x[i])));
      worst = Math.max(worst, Math.abs(cos[i] - Math.cos(x[i])));
    }
    assertTrue(worst < FLOAT_SIN_COS_ABSOLUTE_ERROR, "worst absolute error " + worst);
  }

  @Test
  void floatSinCos_omega_scalesTheFloatArgumentAndTheDerivative() {
    float omega = 2.5f;
    float[] x = floatGrid(-4f, 4f, 10_001);
    float[] sin = new float[x.length];
    float[] derivative = new float[x.length];
    SinglePrecisionMath.sinCos(x, 0, x.length, omega, sin, derivative);
    for (int i = 0; i < x.length; i++) {
      float u = omega * x[i]; // rounded to float, as a float network computes it
      assertEquals(Math.sin(u), sin[i], FLOAT_SIN_COS_ABSOLUTE_ERROR);
      assertEquals(omega * Math.cos(u), derivative[i], omega * FLOAT_SIN_COS_ABSOLUTE_ERROR);
    }
  }

  @Test
  void floatSinCos_beyondTheReductionLimitAndSpecialValues_isMathRoundedToFloat() {
    float[] x = {9000f, -3.0e6f, 1.0e30f, Float.NaN, Float.POSITIVE_INFINITY};
    float[] sin = new float[x.length];
    float[] cos = new float[x.length];
    SinglePrecisionMath.sinCos(x, 0, x.length, 1f, sin, cos);
    for (int i = 0; i < x.length; i++) {
      assertEquals((float) Math.sin(x[i]), sin[i], 0f, "at " + x[i]);
      assertEquals((float) Math.cos(x[i]), cos[i], 0f, "at " + x[i]);
    }
  }

  @Test
  void floatTanh_grid_withinFourTenMillionthsRelativeOfMath() {
    float[] x = floatGrid(-12f, 12f, 1_000_001);
    float[] tanh = new float[x.length];
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
  void floatTanh_tinyAndHugeArguments_keepRelativeAccuracy() {
    float[] x = {1e-30f, -1e-20f, 1e-5f, 1e6f, Float.NEGATIVE_INFINITY};
    float[] tanh = new float[x.length];
    SinglePrecisionMath.tanh(x, 0, x.length, tanh);
    for (int i = 0; i < x.length; i++) {
      double exact = Math.tanh(x[i]);
      assertEquals(exact, tanh[i], TANH_RELATIVE_ERROR * Math.abs(exact), "at x = " + x[i]);
    }
  }

  @Test
  void floatTanh_nan_staysNaN() {
    float[] tanh = new float[1];
    SinglePrecisionMath.tanh(new float[] {Float.NaN}, 0, 1, tanh);
    assertTrue(Float.isNaN(tanh[0]));
  }

  /** {@code count} evenly spaced float32 points from {@code from} to {@code to}. */
  static float[] floatGrid(float from, float to, int count) {
    double[] grid = grid(from, to, count);
    float[] x = new float[count];
    for (int i = 0; i < count; i++) {
      x[i] = (float) grid[i];
    }
    return x;
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
