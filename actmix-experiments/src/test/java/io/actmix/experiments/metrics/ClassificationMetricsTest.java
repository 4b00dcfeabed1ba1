package io.actmix.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Classification metrics on a few rows, against values computed by hand. */
class ClassificationMetricsTest {

  private static final double TOLERANCE = 1e-12;

  @Test
  void macro_classPredictedButAbsentFromLabels_countsItWithZeros() {
    // Labels 0 0 1 1, predicted 0 0 0 2. Class 0: P 2/3, R 1, F1 0.8; class 1: all 0 (never
    // predicted); class 2: all 0 (never a label). Means over the three classes.
    int[] labels = {0, 0, 1, 1};
    int[] predicted = {0, 0, 0, 2};

    double[] macro = ClassificationMetrics.macroPrecisionRecallF1(labels, predicted);

    assertArrayEquals(new double[] {2.0 / 9, 1.0 / 3, 0.8 / 3}, macro, TOLERANCE);
  }

  @Test
  void macro_classAbsentFromLabelsAndPredictions_isLeftOut() {
    // Three classes exist, class 2 occurs nowhere. Class 0: P 1, R 1/2, F1 2/3; class 1: P 2/3,
    // R 1, F1 0.8. Means over classes 0 and 1 only.
    double[][] probabilities = {{0.9, 0.1, 0}, {0.1, 0.9, 0}, {0.4, 0.6, 0}, {0.2, 0.8, 0}};

    Map<String, Double> metrics = ClassificationMetrics.of(new int[] {0, 1, 0, 1}, probabilities);

    assertArrayEquals(
        new double[] {0.75, (2.0 / 3 + 0.8) / 2, (1 + 2.0 / 3) / 2, 0.75},
        new double[] {
          metrics.get("accuracy"),
          metrics.get("f1_macro"),
          metrics.get("precision_macro"),
          metrics.get("recall_macro")
        },
        TOLERANCE);
  }

  @Test
  void rocAuc_tiedScores_countHalf() {
    // Pairs (negative, positive): (0.1, 0.4) 1, (0.1, 0.8) 1, (0.4, 0.4) 1/2, (0.4, 0.8) 1.
    double[][] probabilities = {{0.9, 0.1}, {0.6, 0.4}, {0.6, 0.4}, {0.2, 0.8}};

    double auc = ClassificationMetrics.rocAuc(new int[] {0, 0, 1, 1}, probabilities, 2);

    assertEquals(3.5 / 4, auc, TOLERANCE);
  }

  @Test
  void rocAuc_singleClassInLabels_isNaN() {
    double[][] probabilities = {{0.9, 0.1}, {0.6, 0.4}};

    assertEquals(Double.NaN, ClassificationMetrics.rocAuc(new int[] {1, 1}, probabilities, 2));
  }

  @Test
  void logLoss_twoRows_isMeanNegativeLogOfLabelProbability() {
    double[][] probabilities = {{0.8, 0.2}, {0.3, 0.7}};

    double loss = ClassificationMetrics.logLoss(new int[] {0, 1}, probabilities);

    assertEquals(-(Math.log(0.8) + Math.log(0.7)) / 2, loss, TOLERANCE);
  }

  @Test
  void logLoss_zeroProbability_isClippedAt1eMinus15() {
    double loss = ClassificationMetrics.logLoss(new int[] {1}, new double[][] {{1.0, 0.0}});

    assertEquals(-Math.log(1e-15), loss, TOLERANCE);
  }
}
