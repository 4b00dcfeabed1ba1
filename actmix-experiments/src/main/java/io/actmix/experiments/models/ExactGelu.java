package io.actmix.experiments.models;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
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

  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    return in.muli(cdf(in));
  }

  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    INDArray density = Transforms.exp(in.mul(in).muli(-0.5), false).muli(INV_SQRT_2PI);
    INDArray derivative = cdf(in).addi(density.muli(in));
    return new Pair<>(derivative.muli(epsilon), null);
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
