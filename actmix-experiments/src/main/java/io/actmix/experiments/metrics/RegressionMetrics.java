package io.actmix.experiments.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Regression metrics, in the target's own unit:
 *
 * <pre>
 *   mse  = mean (y − ŷ)²          rmse = √mse          mae = mean |y − ŷ|
 *   r2   = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²   (1 for a perfect fit of a constant y, else 0 then)
 * </pre>
 *
 * <p>{@code pearson} is the linear correlation of {@code y} and {@code ŷ}; {@code spearman} the
 * Pearson correlation of their ranks, ties taking their mean rank. Both are NaN when either side is
 * constant.
 */
public final class RegressionMetrics {

  private RegressionMetrics() {}

  /**
   * @param actual the true targets
   * @param predicted the predictions, in the same unit
   * @return the metrics by name, in the order above
   */
  public static Map<String, Double> of(double[] actual, double[] predicted) {
    if (actual.length < 2 || actual.length != predicted.length) {
      throw new IllegalArgumentException(
          "RegressionMetrics: actual = "
              + actual.length
              + " rows, predicted = "
              + predicted.length
              + " rows; must be equal and >= 2");
    }
    double squares = 0;
    double absolute = 0;
    double mean = 0;
    for (int i = 0; i < actual.length; i++) {
      double error = actual[i] - predicted[i];
      squares += error * error;
      absolute += Math.abs(error);
      mean += actual[i];
    }
    mean /= actual.length;
    double total = 0;
    for (double y : actual) {
      total += (y - mean) * (y - mean);
    }
    double mse = squares / actual.length;
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("mse", mse);
    metrics.put("rmse", Math.sqrt(mse));
    metrics.put("mae", absolute / actual.length);
    metrics.put("r2", total == 0 ? (squares == 0 ? 1.0 : 0.0) : 1 - squares / total);
    metrics.put("pearson", correlation(new PearsonsCorrelation(), actual, predicted));
    metrics.put("spearman", spearman(actual, predicted));
    return Collections.unmodifiableMap(metrics);
  }

  private static double correlation(PearsonsCorrelation pearson, double[] x, double[] y) {
    return isConstant(x) || isConstant(y) ? Double.NaN : pearson.correlation(x, y);
  }

  private static double spearman(double[] x, double[] y) {
    return isConstant(x) || isConstant(y)
        ? Double.NaN
        : new SpearmansCorrelation().correlation(x, y);
  }

  private static boolean isConstant(double[] values) {
    for (double value : values) {
      if (value != values[0]) {
        return false;
      }
    }
    return true;
  }
}
