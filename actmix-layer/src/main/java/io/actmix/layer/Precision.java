package io.actmix.layer;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The arithmetic {@link MixtureKernel} mixes in: to the precision of the network's data type, no
 * more.
 */
enum Precision {
  /**
   * Double-precision networks: double arithmetic, {@link Math}'s functions, a few ulp of double.
   */
  DOUBLE,
  /**
   * Float32 and narrower networks: float arithmetic, {@link SinglePrecisionMath}'s functions,
   * within float32 resolution.
   */
  SINGLE;

  /** {@link #DOUBLE} for double arrays, {@link #SINGLE} for every narrower floating type. */
  static Precision of(DataType type) {
    return type == DataType.DOUBLE ? DOUBLE : SINGLE;
  }
}
