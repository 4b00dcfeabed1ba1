package io.actmix.experiments.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GELU on float32 arrays (computed on the JVM) is the exact function rounded to float32: within one
 * rounding (2⁻²⁴ of the value) plus the table's error times |x| (under 1e-9 for |x| ≤ 8).
 */
class ExactGeluFloatTest {

  private static final int ROWS = 40;
  private static final int COLUMNS = 50;

  private static double cdf(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2));
  }

  private static double density(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  }

  /** ROWS × COLUMNS float values from −9 to 9, column-major as DL4J hands them over. */
  private static INDArray inputs() {
    return Nd4j.linspace(DataType.FLOAT, -9, 18.0 / (ROWS * COLUMNS - 1), ROWS * COLUMNS)
        .reshape('f', ROWS, COLUMNS);
  }

  private static void assertWithinRounding(double exact, double actual, String what) {
    double tolerance = Math.ulp((float) exact) + 1e-9;
    assertTrue(
        Math.abs(exact - actual) <= tolerance,
        what + ": exact " + exact + ", float32 " + actual + ", tolerance " + tolerance);
  }

  @Test
  void getActivation_float32_isRoundedExactGelu() {
    INDArray x = inputs();
    INDArray original = x.dup();

    INDArray out = new ExactGelu().getActivation(x, true);

    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < COLUMNS; c++) {
        double value = original.getDouble(r, c);
        assertWithinRounding(value * cdf(value), out.getDouble(r, c), "gelu(" + value + ")");
      }
    }
  }

  @Test
  void backprop_float32_isRoundedExactDerivativeTimesEpsilon() {
    INDArray x = inputs();
    INDArray original = x.dup();
    INDArray epsilon =
        Nd4j.linspace(DataType.FLOAT, 0.5, 0.001, ROWS * COLUMNS).reshape(ROWS, COLUMNS);

    INDArray delta = new ExactGelu().backprop(x, epsilon).getFirst();

    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < COLUMNS; c++) {
        double value = original.getDouble(r, c);
        double exact = epsilon.getDouble(r, c) * (cdf(value) + value * density(value));
        assertWithinRounding(exact, delta.getDouble(r, c), "gelu'(" + value + ") ε");
      }
    }
  }
}
