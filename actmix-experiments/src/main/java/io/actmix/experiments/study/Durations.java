package io.actmix.experiments.study;

import java.util.Locale;

/** Durations for people: {@code 45 s}, {@code 12 min}, {@code 1 h 20 min}. */
final class Durations {

  private Durations() {}

  static String format(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    if (s < 90) {
      return s + " s";
    }
    long minutes = Math.round(seconds / 60);
    if (minutes < 90) {
      return minutes + " min";
    }
    return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
  }
}
