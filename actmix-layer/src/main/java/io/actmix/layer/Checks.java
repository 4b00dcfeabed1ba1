package io.actmix.layer;

/**
 * Argument checks whose messages follow the project's form {@code "<where>: <field> = <value>;
 * <rule>"}, for example {@code "TemperatureSchedule: finalTemperature = -0.5; must be > 0"}.
 */
final class Checks {

  private Checks() {}

  static double finite(String where, String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(where + ": " + field + " = " + value + "; must be finite");
    }
    return value;
  }

  static double positive(String where, String field, double value) {
    if (finite(where, field, value) <= 0) {
      throw new IllegalArgumentException(where + ": " + field + " = " + value + "; must be > 0");
    }
    return value;
  }

  static double nonNegative(String where, String field, double value) {
    if (finite(where, field, value) < 0) {
      throw new IllegalArgumentException(where + ": " + field + " = " + value + "; must be >= 0");
    }
    return value;
  }

  static int nonNegative(String where, String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(where + ": " + field + " = " + value + "; must be >= 0");
    }
    return value;
  }
}
