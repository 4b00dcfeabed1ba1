package io.actmix.experiments.stats;

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

  /**
   * Demšar, J. (2006). Statistical comparisons of classifiers over multiple data sets. JMLR 7,
   * 1–30, Table 6: AUC of C4.5, C4.5+m, C4.5+cf and C4.5+m+cf on 14 UCI data sets. The table prints
   * values rounded to three digits; its average ranks (§3.2.4) rank C4.5+cf above C4.5+m+cf on
   * "voting", where both print as 0.975, so that row carries 0.97501 for C4.5+cf.
   */
  private static final double[][] DEMSAR_TABLE_6 = {
    {0.763, 0.768, 0.771, 0.798},
    {0.599, 0.591, 0.590, 0.569},
    {0.954, 0.971, 0.968, 0.967},
    {0.628, 0.661, 0.654, 0.657},
    {0.882, 0.888, 0.886, 0.898},
    {0.936, 0.931, 0.916, 0.931},
    {0.661, 0.668, 0.609, 0.685},
    {0.583, 0.583, 0.563, 0.625},
    {0.775, 0.838, 0.866, 0.875},
    {1.000, 1.000, 1.000, 1.000},
    {0.940, 0.962, 0.965, 0.962},
    {0.619, 0.666, 0.614, 0.669},
    {0.972, 0.981, 0.97501, 0.975},
    {0.957, 0.978, 0.946, 0.970}
  };

  @Test
  void meanRanks_demsarTable6_giveThePublishedAverageRanks() {
    double[] ranks = PairedStatistics.meanRanks(DEMSAR_TABLE_6, false);

    assertArrayEquals(
        new double[] {3.143, 2.000, 2.893, 1.964},
        java.util.Arrays.stream(ranks).map(r -> Math.round(r * 1000) / 1000.0).toArray());
  }

  @Test
  void friedman_demsarTable6_givesThePublishedChiSquaredAndImanDavenportF() {
    PairedStatistics.Test friedman = PairedStatistics.friedman(DEMSAR_TABLE_6, false);
    PairedStatistics.Test f = PairedStatistics.imanDavenport(friedman.statistic(), 14, 4);

    // Demšar §3.2.4: χ²_F = 9.28, F_F = 3.69 (two decimals), critical F(3, 39) at 0.05 = 2.85.
    assertArrayEquals(
        new double[] {9.28, 3.69, 1},
        new double[] {
          Math.round(friedman.statistic() * 100) / 100.0,
          Math.round(f.statistic() * 100) / 100.0,
          f.pValue() < 0.05 ? 1 : 0
        });
  }

  @Test
  void nemenyiCriticalDifference_demsarExample_isThePublishedCdAtBothLevels() {
    // Demšar §3.2.4: k = 4, N = 14: CD = 2.569 √(4·5 / (6·14)) = 1.25 at α = 0.05, 1.12 at 0.10.
    assertArrayEquals(
        new double[] {1.25, 1.12},
        new double[] {
          Math.round(PairedStatistics.nemenyiCriticalDifference(4, 14, 0.05) * 100) / 100.0,
          Math.round(PairedStatistics.nemenyiCriticalDifference(4, 14, 0.10) * 100) / 100.0
        });
  }

  @Test
  void signedRankSums_demsarC45AgainstC45m_giveThePublishedRankSums() {
    // Demšar §3.1.3 and Table 2: R+ = 93, R− = 12 (two zero differences split their ranks).
    double[] c45 = new double[14];
    double[] c45m = new double[14];
    for (int i = 0; i < 14; i++) {
      c45[i] = DEMSAR_TABLE_6[i][0];
      c45m[i] = DEMSAR_TABLE_6[i][1];
    }

    assertArrayEquals(new double[] {93, 12}, PairedStatistics.signedRankSums(c45, c45m), 1e-9);
  }

  @Test
  void holm_demsarControlComparisons_rejectTheTwoHypothesesDemsarRejects() {
    // Demšar §3.2.4, C4.5 as control: p = 0.016 (C4.5+m+cf), 0.019 (C4.5+m), 0.607 (C4.5+cf);
    // Holm rejects the first two at 0.05 and keeps the third.
    double[] adjusted = PairedStatistics.holm(new double[] {0.016, 0.019, 0.607});

    assertArrayEquals(new double[] {0.048, 0.048, 0.607}, adjusted, 1e-12);
  }

  @Test
  void nadeauBengio_smallTable_equalsTheHandComputation() {
    // d = (1, 2, 3, 4): mean 2.5, s² = 5/3; J = 4, n_test/n_train = 1/9:
    // t = 2.5 / √((1/4 + 1/9) · 5/3) = 2.5 / √(13/36 · 5/3) = 2.5 / √(65/108).
    PairedStatistics.Test test = PairedStatistics.nadeauBengio(new double[] {1, 2, 3, 4}, 10, 90);

    assertEquals(2.5 / Math.sqrt(65.0 / 108), test.statistic(), 1e-12);
  }
}
