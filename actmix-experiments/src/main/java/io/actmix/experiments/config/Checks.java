package io.actmix.experiments.config;

/** Checks with messages of the form {@code "<key> = <value>; <rule>"}. */
final class Checks {

  private Checks() {}

  static int atLeast(String key, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(key + " = " + value + "; must be >= " + minimum);
    }
    return value;
  }

  static double positive(String key, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(key + " = " + value + "; must be a finite number > 0");
    }
    return value;
  }

  static double nonNegative(String key, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(key + " = " + value + "; must be a finite number >= 0");
    }
    return value;
  }

  static double finite(String key, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(key + " = " + value + "; must be finite");
    }
    return value;
  }

  static <T> T present(String key, T value) {
    if (value == null) {
      throw new IllegalArgumentException(key + " is missing; it must be set");
    }
    return value;
  }
}
