package io.actmix.experiments.folds;

import java.util.Arrays;

/**
 * The rows of one fold: training rows fit the model and the preprocessing, validation rows choose
 * the epoch (early stopping), test rows are used once for the fold's metrics. Indices are ascending
 * row numbers of the cleaned table.
 *
 * @param index the fold number, from 0
 * @param train training rows
 * @param validation validation rows, disjoint from {@code train} and {@code test}
 * @param test test rows
 */
public record Fold(int index, int[] train, int[] validation, int[] test) {

  /** Copies the arrays, so that the record stays a value. */
  public Fold {
    train = train.clone();
    validation = validation.clone();
    test = test.clone();
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] validation() {
    return validation.clone();
  }

  @Override
  public int[] test() {
    return test.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fold that
        && index == that.index
        && Arrays.equals(train, that.train)
        && Arrays.equals(validation, that.validation)
        && Arrays.equals(test, that.test);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * index + Arrays.hashCode(train)) + Arrays.hashCode(validation))
        + Arrays.hashCode(test);
  }

  @Override
  public String toString() {
    return "Fold("
        + index
        + ": "
        + train.length
        + " train, "
        + validation.length
        + " validation, "
        + test.length
        + " test)";
  }
}
