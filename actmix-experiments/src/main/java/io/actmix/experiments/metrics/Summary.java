package io.actmix.experiments.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * A metric over folds: mean, standard deviation, min, max and the per-fold values. The standard
 * deviation is the population one (divisor n), as numpy's {@code std} that the reference used.
 *
 * @param mean the mean over folds
 * @param std the population standard deviation over folds
 * @param min the smallest value
 * @param max the largest value
 * @param values the value of every fold, in fold order
 */
public record Summary(
    @JsonProperty("mean") double mean,
    @JsonProperty("std") double std,
    @JsonProperty("min") double min,
    @JsonProperty("max") double max,
    @JsonProperty("values") List<Double> values) {

  /** Copies the values. */
  public Summary {
    values = List.copyOf(values);
  }

  /** The summary of {@code values}; NaN statistics when any value is NaN. */
  public static Summary of(List<Double> values) {
    double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
    double mean = Arrays.stream(array).average().orElse(Double.NaN);
    double squares = Arrays.stream(array).map(v -> (v - mean) * (v - mean)).sum();
    return new Summary(
        mean,
        Math.sqrt(squares / array.length),
        Arrays.stream(array).min().orElse(Double.NaN),
        Arrays.stream(array).max().orElse(Double.NaN),
        values);
  }
}
