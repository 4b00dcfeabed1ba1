package io.actmix.experiments.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.stat.ranking.NaturalRanking;

/**
 * Classification metrics from class labels and predicted class probabilities.
 *
 * <ul>
 *   <li>{@code accuracy}: the share of rows whose most probable class is the label;
 *   <li>{@code f1_macro}, {@code precision_macro}, {@code recall_macro}: unweighted means over the
 *       classes that occur among the labels or the predictions (as scikit-learn does); a ratio
 *       whose denominator is 0 counts as 0;
 *   <li>{@code roc_auc}: for two classes, the probability that a random positive row scores above a
 *       random negative one, ties counting ½ (Mann–Whitney with mid-ranks); for more classes, the
 *       mean of one-vs-rest AUCs; NaN when only one class occurs among the labels;
 *   <li>{@code log_loss}: the mean of {@code −ln p(label)}, with {@code p} clipped to [1e-15, 1 −
 *       1e-15].
 * </ul>
 */
public final class ClassificationMetrics {

  /** The clipping of probabilities in the log loss, as scikit-learn's default. */
  static final double LOG_LOSS_EPSILON = 1e-15;

  private ClassificationMetrics() {}

  /**
   * @param labels class label of every row, 0 … C−1
   * @param probabilities predicted probability of every class, [rows][C]
   * @return the metrics by name, in the order above
   */
  public static Map<String, Double> of(int[] labels, double[][] probabilities) {
    if (labels.length == 0 || labels.length != probabilities.length) {
      throw new IllegalArgumentException(
          "ClassificationMetrics: labels = "
              + labels.length
              + " rows, probabilities = "
              + probabilities.length
              + " rows; must be equal and > 0");
    }
    int classes = probabilities[0].length;
    int[] predicted = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      predicted[i] = argmax(probabilities[i]);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", accuracy(labels, predicted));
    double[] macro = macroPrecisionRecallF1(labels, predicted);
    metrics.put("f1_macro", macro[2]);
    metrics.put("precision_macro", macro[0]);
    metrics.put("recall_macro", macro[1]);
    metrics.put("roc_auc", rocAuc(labels, probabilities, classes));
    metrics.put("log_loss", logLoss(labels, probabilities));
    return Collections.unmodifiableMap(metrics);
  }

  static double accuracy(int[] labels, int[] predicted) {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += labels[i] == predicted[i] ? 1 : 0;
    }
    return correct / (double) labels.length;
  }

  /** {precision, recall, f1}, each the mean over classes present in labels or predictions. */
  static double[] macroPrecisionRecallF1(int[] labels, int[] predicted) {
    TreeSet<Integer> present = new TreeSet<>();
    for (int i = 0; i < labels.length; i++) {
      present.add(labels[i]);
      present.add(predicted[i]);
    }
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    for (int c : present) {
      int truePositive = 0;
      int predictedPositive = 0;
      int actualPositive = 0;
      for (int i = 0; i < labels.length; i++) {
        truePositive += labels[i] == c && predicted[i] == c ? 1 : 0;
        predictedPositive += predicted[i] == c ? 1 : 0;
        actualPositive += labels[i] == c ? 1 : 0;
      }
      double p = ratio(truePositive, predictedPositive);
      double r = ratio(truePositive, actualPositive);
      precision += p;
      recall += r;
      f1 += ratio(2 * truePositive, predictedPositive + actualPositive);
    }
    int n = present.size();
    return new double[] {precision / n, recall / n, f1 / n};
  }

  static double rocAuc(int[] labels, double[][] probabilities, int classes) {
    if (classes == 2) {
      return binaryAuc(labels, probabilities, 1);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += binaryAuc(labels, probabilities, c);
    }
    return sum / classes;
  }

  /** AUC of class {@code positive} against the rest, by mid-ranks of its probability. */
  private static double binaryAuc(int[] labels, double[][] probabilities, int positive) {
    double[] scores = new double[labels.length];
    long positives = 0;
    for (int i = 0; i < labels.length; i++) {
      scores[i] = probabilities[i][positive];
      positives += labels[i] == positive ? 1 : 0;
    }
    long negatives = labels.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double[] ranks = new NaturalRanking().rank(scores);
    double positiveRankSum = 0;
    for (int i = 0; i < labels.length; i++) {
      positiveRankSum += labels[i] == positive ? ranks[i] : 0;
    }
    double u = positiveRankSum - positives * (positives + 1) / 2.0;
    return u / (positives * (double) negatives);
  }

  static double logLoss(int[] labels, double[][] probabilities) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = probabilities[i][labels[i]];
      sum -= Math.log(Math.min(Math.max(p, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON));
    }
    return sum / labels.length;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? 0.0 : numerator / (double) denominator;
  }
}
