package io.actmix.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression metrics on a few rows, against values computed by hand. */
class RegressionMetricsTest {

  private static final double TOLERANCE = 1e-12;

  @Test
  void errors_fourRows_matchHandComputation() {
    // Errors −0.5, 0, 0.5, −1: squares 0.25, 0, 0.25, 1; Σ(y − ȳ)² = 5.
    Map<String, Double> metrics =
        RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {1.5, 2, 2.5, 5});

    assertArrayEquals(
        new double[] {0.375, Math.sqrt(0.375), 0.5, 1 - 1.5 / 5},
        new double[] {
          metrics.get("mse"), metrics.get("rmse"), metrics.get("mae"), metrics.get("r2")
        },
        TOLERANCE);
  }

  @Test
  void r2_constantPredictionAtTheMean_isZero() {
    Map<String, Double> metrics =
        RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {2.5, 2.5, 2.5, 2.5});

    assertEquals(0.0, metrics.get("r2"), TOLERANCE);
  }

  @Test
  void r2_constantPredictionOffTheMean_isNegative() {
    Map<String, Double> metrics =
        RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1});

    assertEquals(1 - 14.0 / 5, metrics.get("r2"), TOLERANCE);
  }

  @Test
  void correlations_constantPrediction_areNaN() {
    Map<String, Double> metrics =
        RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1});

    assertEquals(
        List.of(Double.NaN, Double.NaN), List.of(metrics.get("pearson"), metrics.get("spearman")));
  }

  @Test
  void spearman_tiedValues_useMeanRanks() {
    // Ranks of x = 1, 2, 2, 3 are 1, 2.5, 2.5, 4; of y they are 1, 3, 2, 4.
    // Pearson of the ranks: 4.5 / √(4.5 · 5).
    Map<String, Double> metrics =
        RegressionMetrics.of(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4});

    assertEquals(4.5 / Math.sqrt(4.5 * 5), metrics.get("spearman"), TOLERANCE);
  }

  @Test
  void pearson_linearPrediction_isOne() {
    Map<String, Double> metrics =
        RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 9});

    assertEquals(1.0, metrics.get("pearson"), TOLERANCE);
  }
}
