package io.actmix.layer;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * How accurately {@link MixtureKernel} evaluates the basis functions: to the precision of the
 * network's data type, no more.
 */
enum Precision {
  /** Double-precision networks: {@link Math}'s functions, within a few ulp of double. */
  DOUBLE,
  /** Float32 and narrower networks: {@link SinglePrecisionMath}, within float32 resolution. */
  SINGLE;

  /** {@link #DOUBLE} for double arrays, {@link #SINGLE} for every narrower floating type. */
  static Precision of(DataType type) {
    return type == DataType.DOUBLE ? DOUBLE : SINGLE;
  }
}
