package io.actmix.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tests of the comparison on textbook data with known answers. */
class PairedStatisticsTest {

  /**
   * Hollander &amp; Wolfe (1973, p. 29), Hamilton depression scale before (x) and after (y) a
   * tranquilizer, the example of R's {@code wilcox.test}: {@code V = 40}, one-sided p = 10/512. The
   * differences have no ties and no zeros; W− = 2 + 3 = 5, and 10 of the 2⁹ sign patterns give a
   * rank sum of at most 5, so the exact two-sided p-value is 20/512.
   */
  @Test
  void wilcoxon_hollanderWolfeDepressionData_givesTextbookStatisticAndExactP() {
    double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

    PairedStatistics.Test test = PairedStatistics.wilcoxon(x, y);

    assertEquals(new PairedStatistics.Test(40, 20.0 / 512), test);
  }

  @Test
  void wilcoxon_identicalValues_hasPOne() {
    double[] x = {1, 2, 3};

    assertEquals(new PairedStatistics.Test(0, 1), PairedStatistics.wilcoxon(x, x.clone()));
  }

  @Test
  void holm_threePValues_stepsDownAndStaysMonotone() {
    // Sorted 0.01, 0.02, 0.04 → 3·0.01 = 0.03, 2·0.02 = 0.04, max(0.04, 1·0.04) = 0.04.
    double[] adjusted = PairedStatistics.holm(new double[] {0.04, 0.01, 0.02});

    assertArrayEquals(new double[] {0.04, 0.03, 0.04}, adjusted, 1e-15);
  }

  @Test
  void friedman_sameOrderInEveryFold_givesChiSquaredEightWithPEToMinusFour() {
    // 4 folds, 3 models always ranked 1, 2, 3: χ² = 12·4/(3·4) · (1 + 4 + 9 − 3·16/4) = 8;
    // with 2 degrees of freedom the survival function is exp(−χ²/2).
    double[][] scores = {{1, 2, 3}, {1.5, 2.5, 3.5}, {0.1, 0.2, 0.3}, {4, 5, 6}};

    PairedStatistics.Test test = PairedStatistics.friedman(scores, true);

    assertArrayEquals(
        new double[] {8, Math.exp(-4)}, new double[] {test.statistic(), test.pValue()}, 1e-12);
  }

  @Test
  void meanRanks_higherIsBetter_ranksLargestFirst() {
    double[][] scores = {{0.9, 0.8}, {0.7, 0.95}, {0.6, 0.5}};

    assertArrayEquals(
        new double[] {4.0 / 3, 5.0 / 3}, PairedStatistics.meanRanks(scores, false), 1e-15);
  }
}
