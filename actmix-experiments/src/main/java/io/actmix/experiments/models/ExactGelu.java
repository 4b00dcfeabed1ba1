package io.actmix.experiments.models;

import io.actmix.layer.HostBuffer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * GELU in its exact form, as PyTorch's {@code nn.GELU()} computes it; DL4J's {@code
 * Activation.GELU} is the sigmoid approximation and its "precise" variant the tanh one.
 *
 * <pre>
 *   gelu(x)  = x · Φ(x) = ½ · x · (1 + erf(x / √2))
 *   gelu'(x) = Φ(x) + x · φ(x),        φ(x) = e^{−x²/2} / √(2π)
 * </pre>
 *
 * <p>Double-precision arrays go through ND4J's {@code erf} and {@code exp} ops. Float32 arrays —
 * training — are computed on the JVM, one bulk copy in and one out, with Φ and φ from {@link
 * NormalTable} (absolute error under 2e-10): ND4J needs five native ops forward and eleven
 * backward, which took 39% of a GELU network's training step.
 */
public class ExactGelu extends BaseActivationFunction {

  private static final long serialVersionUID = 1L;
  private static final double SQRT_2 = Math.sqrt(2.0);
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

  /** {@code Φ(x) = ½ (1 + erf(x / √2))}, a new array. */
  private static INDArray cdf(INDArray x) {
    INDArray scaled = x.div(SQRT_2);
    return Nd4j.getExecutioner().exec(new Erf(scaled, scaled)).addi(1.0).muli(0.5);
  }

  /** One JVM copy of an array per thread, for the float32 passes. */
  private static final ThreadLocal<HostBuffer> VALUES = ThreadLocal.withInitial(HostBuffer::new);

  private static final ThreadLocal<HostBuffer> GRADIENTS = ThreadLocal.withInitial(HostBuffer::new);

  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    if (onJvm(in)) {
      HostBuffer buffer = VALUES.get();
      double[] x = buffer.load(in);
      int length = Math.toIntExact(in.length());
      for (int i = 0; i < length; i++) {
        x[i] *= NormalTable.cdf(x[i]);
      }
      buffer.store(in);
      return in;
    }
    return in.muli(cdf(in));
  }

  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    if (onJvm(in) && onJvm(epsilon)) {
      HostBuffer buffer = VALUES.get();
      double[] x = buffer.load(in);
      double[] e = GRADIENTS.get().load(epsilon);
      int length = Math.toIntExact(in.length());
      for (int i = 0; i < length; i++) {
        x[i] = e[i] * (NormalTable.cdf(x[i]) + x[i] * NormalTable.density(x[i]));
      }
      buffer.store(in);
      return new Pair<>(in, null);
    }
    INDArray density = Transforms.exp(in.mul(in).muli(-0.5), false).muli(INV_SQRT_2PI);
    INDArray derivative = cdf(in).addi(density.muli(in));
    return new Pair<>(derivative.muli(epsilon), null);
  }

  /** Float32 arrays of rank 1 or 2 are computed on the JVM. */
  private static boolean onJvm(INDArray array) {
    return array.dataType() == DataType.FLOAT && array.rank() <= 2;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExactGelu;
  }

  @Override
  public int hashCode() {
    return ExactGelu.class.hashCode();
  }

  @Override
  public String toString() {
    return "gelu(exact)";
  }
}
