package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bulk form {@link BasisFunction#evaluate} that the DIRECT layer runs: equal to the scalar form
 * and to a central-difference derivative at double precision, with the ReLU and tanh details that
 * make it fast pinned down.
 */
class BasisFunctionEvaluateTest {

  private static final double OMEGA_0 = 1.7;

  @ParameterizedTest
  @EnumSource(BasisFunction.class)
  void evaluate_doublePrecision_equalsScalarFormAndDifferenceQuotient(BasisFunction basis) {
    double[] z = SinglePrecisionMathTest.grid(-3.0, 3.0, 601);
    double[] value = new double[z.length];
    double[] derivative = new double[z.length];
    basis.evaluate(z, 0, z.length, OMEGA_0, value, derivative);
    double step = 1e-6;
    for (int i = 0; i < z.length; i++) {
      if (basis == BasisFunction.RELU && Math.abs(z[i]) < step) {
        continue; // the kink: no derivative to compare with
      }
      assertEquals(basis.apply(z[i], OMEGA_0), value[i], 1e-15 * (1 + Math.abs(value[i])));
      double quotient =
          (basis.apply(z[i] + step, OMEGA_0) - basis.apply(z[i] - step, OMEGA_0)) / (2 * step);
      // Central differences: truncation O(step²) ≈ 1e-12 plus rounding O(1e-16 / step) ≈ 1e-10.
      assertEquals(quotient, derivative[i], 1e-9, basis + " at z = " + z[i]);
    }
  }

  /**
   * The float form against the double form at the same float32 inputs. Bounds: the float functions'
   * own errors ({@link SinglePrecisionMath}: 2e-7 absolute for sine and cosine, 4e-7 relative for
   * tanh, whose derivative 1 − t² inherits twice that), plus the rounding of ω0·z to float, which
   * the sine sees as an argument error of half an ulp of ω0·z (its slope is at most ω0).
   */
  @ParameterizedTest
  @EnumSource(BasisFunction.class)
  void evaluate_float_withinFloatResolutionOfDouble(BasisFunction basis) {
    double[] grid = SinglePrecisionMathTest.grid(-6.0, 6.0, 1201);
    float[] z = new float[grid.length];
    double[] zd = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      z[i] = (float) grid[i];
      zd[i] = z[i];
    }
    double[] exact = new double[z.length];
    double[] exactDerivative = new double[z.length];
    float[] fast = new float[z.length];
    float[] fastDerivative = new float[z.length];
    basis.evaluate(zd, 0, z.length, OMEGA_0, exact, exactDerivative);
    basis.evaluate(z, 0, z.length, (float) OMEGA_0, fast, fastDerivative);
    for (int i = 0; i < z.length; i++) {
      double argument = 0.5 * Math.ulp((float) (OMEGA_0 * z[i]));
      assertEquals(exact[i], fast[i], 4e-7 * (1 + Math.abs(exact[i])) + argument, "at " + z[i]);
      assertEquals(
          exactDerivative[i],
          fastDerivative[i],
          OMEGA_0 * (8e-7 * (1 + Math.abs(exactDerivative[i])) + OMEGA_0 * argument),
          "derivative at " + z[i]);
    }
  }

  @Test
  void evaluate_floatRelu_stepDerivativeIsZeroAtZeroAndOneAbove() {
    float[] z = {-2f, -0f, 0f, Float.MIN_VALUE, 0.5f, 3f, Float.MAX_VALUE};
    float[] value = new float[z.length];
    float[] derivative = new float[z.length];
    BasisFunction.RELU.evaluate(z, 0, z.length, 1f, value, derivative);
    assertArrayEquals(new float[] {0f, 0f, 0f, Float.MIN_VALUE, 0.5f, 3f, Float.MAX_VALUE}, value);
    assertArrayEquals(new float[] {0f, 0f, 0f, 1f, 1f, 1f, 1f}, derivative);
  }

  @Test
  void fastTanh_logGridOverSixtyOctaves_relativeErrorBelowOneIn1e13() {
    double worst = 0.0;
    for (int i = 0; i <= 600_000; i++) {
      double magnitude = Math.pow(2.0, -50.0 + i * 1e-4);
      for (double z : new double[] {magnitude, -magnitude}) {
        double exact = Math.tanh(z);
        worst = Math.max(worst, Math.abs(BasisFunction.fastTanh(z) - exact) / Math.abs(exact));
      }
    }
    assertTrue(worst < 1e-13, "worst relative error " + worst);
  }

  @Test
  void fastTanh_specialValues_matchMath() {
    assertEquals(1.0, BasisFunction.fastTanh(Double.POSITIVE_INFINITY), 0.0);
    assertEquals(-1.0, BasisFunction.fastTanh(Double.NEGATIVE_INFINITY), 0.0);
    assertTrue(Double.isNaN(BasisFunction.fastTanh(Double.NaN)));
    assertEquals(
        Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(BasisFunction.fastTanh(-0.0)));
  }
}
