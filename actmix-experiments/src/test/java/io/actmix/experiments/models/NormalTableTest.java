package io.actmix.experiments.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** The interpolated Φ and φ stay within their error bounds of the exact functions everywhere. */
class NormalTableTest {

  private static double exactCdf(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2));
  }

  private static double exactDensity(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  }

  /** The largest |approximation − exact| on a fine grid across [−10, 10], beyond the table. */
  private static double largestError(DoubleUnaryOperator approximation, DoubleUnaryOperator exact) {
    double worst = 0;
    for (double x = -10; x <= 10; x += 0.000_37) {
      worst = Math.max(worst, Math.abs(approximation.applyAsDouble(x) - exact.applyAsDouble(x)));
    }
    return worst;
  }

  @Test
  void cdf_fineGridAcrossAndBeyondTable_within1e10OfExact() {
    double worst = largestError(NormalTable::cdf, NormalTableTest::exactCdf);

    // The bound is 9e-11 inside the table; beyond it Φ(−8) = 6e-16 is the largest error.
    assertTrue(worst < 1e-10, "largest error " + worst);
  }

  @Test
  void density_fineGridAcrossAndBeyondTable_within2e10OfExact() {
    double worst = largestError(NormalTable::density, NormalTableTest::exactDensity);

    assertTrue(worst < 2e-10, "largest error " + worst);
  }

  @Test
  void cdf_atNodes_equalsTabulatedValue() {
    assertEquals(0.5, NormalTable.cdf(0), 1e-16);
  }

  @Test
  void cdf_nan_staysNan() {
    assertTrue(Double.isNaN(NormalTable.cdf(Double.NaN)));
  }

  @Test
  void density_nan_staysNan() {
    assertTrue(Double.isNaN(NormalTable.density(Double.NaN)));
  }
}
