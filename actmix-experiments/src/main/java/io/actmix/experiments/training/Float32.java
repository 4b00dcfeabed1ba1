package io.actmix.experiments.training;

/**
 * Rounding a double to the nearest float32 value, in double arithmetic, for the fused passes that
 * compute in double and store what ND4J's float kernels would store.
 *
 * <p>{@code (double) (float) x} is the obvious way, but the JIT on Java 17 compiles no vector code
 * for a loop that converts between double and float and back while it computes: a pass over the
 * power_plant network's parameters ran six times slower with it ({@code bench/micro-bench.sh}).
 * Veltkamp's splitting does the same in three double operations that vectorize:
 *
 * <pre>
 *   c = (2^29 + 1) · x,      round(x) = c − (c − x)
 * </pre>
 *
 * which rounds {@code x} to 53 − 29 = 24 significant bits, to nearest, as float32 holds them
 * (Dekker 1971). It differs from the cast only at the edges of float32, none of which training
 * reaches: where {@code x} lies exactly halfway between two floats (the tie may go either way),
 * below float32's normal range (2^-126, where the cast keeps fewer bits), and beyond its largest
 * value (where the cast gives infinity); infinities give NaN, NaN stays NaN.
 */
final class Float32 {

  private static final double SPLITTER = 0x1p29 + 1;

  private Float32() {}

  /** {@code x} rounded to float32 resolution. */
  static double round(double x) {
    double c = SPLITTER * x;
    return c - (c - x);
  }

  /** {@link #round(double) round(x)} when {@code single}, else {@code x}. */
  static double round(double x, boolean single) {
    return single ? round(x) : x;
  }
}
