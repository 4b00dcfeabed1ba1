package io.actmix.layer;

import java.util.function.Supplier;

/**
 * Argument checks whose messages follow the project's form {@code "<where>: <field> = <value>;
 * <rule>"}, for example {@code "TemperatureSchedule: finalTemperature = -0.5; must be > 0"}.
 */
final class Checks {

  private Checks() {}

  /**
   * Where a layer configuration's message comes from: {@code "Kind"}, {@code "Kind('name')"},
   * {@code "Kind(layer 2)"} or {@code "Kind(layer 2 'name')"}.
   *
   * @param layerName the configured name, or null
   * @param layerIndex the index in the network, or a negative number when not known
   */
  static String where(String kind, String layerName, int layerIndex) {
    String name = layerName != null ? "'" + layerName + "'" : null;
    String index = layerIndex >= 0 ? "layer " + layerIndex : null;
    if (name == null && index == null) {
      return kind;
    }
    return kind + "(" + (index == null ? name : name == null ? index : index + " " + name) + ")";
  }

  static double finite(String where, String field, double value) {
    return finite(() -> where, field, value);
  }

  static double positive(String where, String field, double value) {
    return positive(() -> where, field, value);
  }

  static double nonNegative(String where, String field, double value) {
    return nonNegative(() -> where, field, value);
  }

  /**
   * {@link #finite(String, String, double)} with the message's {@code where} built only when the
   * check fails: for checks on a hot path, such as setters that schedules call every iteration.
   * Likewise the two below.
   */
  static double finite(Supplier<String> where, String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          where.get() + ": " + field + " = " + value + "; must be finite");
    }
    return value;
  }

  static double positive(Supplier<String> where, String field, double value) {
    if (finite(where, field, value) <= 0) {
      throw new IllegalArgumentException(
          where.get() + ": " + field + " = " + value + "; must be > 0");
    }
    return value;
  }

  static double nonNegative(Supplier<String> where, String field, double value) {
    if (finite(where, field, value) < 0) {
      throw new IllegalArgumentException(
          where.get() + ": " + field + " = " + value + "; must be >= 0");
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
