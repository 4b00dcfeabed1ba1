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
    basis.evaluate(z, 0, z.length, OMEGA_0, Precision.DOUBLE, value, derivative);
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

  @ParameterizedTest
  @EnumSource(BasisFunction.class)
  void evaluate_singlePrecision_withinFloatResolutionOfDouble(BasisFunction basis) {
    double[] z = SinglePrecisionMathTest.grid(-6.0, 6.0, 1201);
    double[] exact = new double[z.length];
    double[] exactDerivative = new double[z.length];
    double[] fast = new double[z.length];
    double[] fastDerivative = new double[z.length];
    basis.evaluate(z, 0, z.length, OMEGA_0, Precision.DOUBLE, exact, exactDerivative);
    basis.evaluate(z, 0, z.length, OMEGA_0, Precision.SINGLE, fast, fastDerivative);
    for (int i = 0; i < z.length; i++) {
      // 4 float32 ulp of values of order 1, the tanh bound; the derivative of tanh, 1 − t²,
      // inherits
      // twice that; the sine's derivative carries ω0.
      assertEquals(exact[i], fast[i], 3e-7 * (1 + Math.abs(exact[i])));
      assertEquals(exactDerivative[i], fastDerivative[i], 6e-7 * OMEGA_0);
    }
  }

  @Test
  void evaluate_relu_stepDerivativeIsZeroAtZero() {
    double[] z = {-2.0, -0.0, 0.0, Double.MIN_VALUE, 0.5, 3.0};
    double[] value = new double[z.length];
    double[] derivative = new double[z.length];
    BasisFunction.RELU.evaluate(z, 0, z.length, 1.0, Precision.SINGLE, value, derivative);
    assertArrayEquals(new double[] {0.0, 0.0, 0.0, Double.MIN_VALUE, 0.5, 3.0}, value, 0.0);
    assertArrayEquals(new double[] {0.0, 0.0, 0.0, 1.0, 1.0, 1.0}, derivative, 0.0);
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
