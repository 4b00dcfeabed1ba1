package io.actmix.experiments.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's dense layer at training time, without the second matrix product of its backward pass.
 *
 * <p>DL4J's backward pass recomputes the pre-activation {@code z = x W + b} to differentiate the
 * activation, one of a layer's four products of a training step. For the identity the derivative
 * does not need {@code z} ({@code δ = ε}); for ReLU, {@code z > 0} exactly where the output {@code
 * relu(z) > 0}, so DL4J's own derivative op applied to the output kept from the forward pass gives
 * the same δ, bit for bit. The rest is DL4J's code: ∂L/∂b = Σ δ, ∂L/∂W = xᵀ δ, ε_prev = δ Wᵀ.
 *
 * <p>{@link TrainingNetwork} puts one in place of each DL4J dense layer it can stand for ({@link
 * #canReplace}); the configuration, parameters and gradient views are the same objects.
 */
final class TrainingDenseLayer extends DenseLayer {

  private static final long serialVersionUID = 1L;

  private final boolean identity;
  private transient INDArray output;

  private TrainingDenseLayer(DenseLayer layer, DataType dataType) {
    super(layer.conf(), dataType);
    this.identity = layerConf().getActivationFn() instanceof ActivationIdentity;
    StandIns.adopt(layer, this);
  }

  /**
   * Whether {@code layer} is a DL4J dense layer this class computes alike: identity or plain ReLU
   * activation, no dropout, weight noise or layer normalization of its own.
   */
  static boolean canReplace(Layer layer) {
    if (layer.getClass() != DenseLayer.class) {
      return false;
    }
    var configuration = (org.deeplearning4j.nn.conf.layers.DenseLayer) layer.conf().getLayer();
    IActivation activation = configuration.getActivationFn();
    boolean plainRelu =
        activation instanceof ActivationReLU relu
            && relu.getMax() == null
            && zeroOrUnset(relu.getThreshold())
            && zeroOrUnset(relu.getNegativeSlope());
    return (activation.getClass() == ActivationIdentity.class || plainRelu)
        && configuration.hasBias()
        && configuration.getIDropout() == null
        && configuration.getWeightNoise() == null
        && !configuration.hasLayerNorm();
  }

  private static boolean zeroOrUnset(Double value) {
    return value == null || value == 0;
  }

  /** The stand-in for {@code layer}, sharing its configuration, parameters and gradient views. */
  static TrainingDenseLayer of(Layer layer, DataType dataType) {
    return new TrainingDenseLayer((DenseLayer) layer, dataType);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    INDArray activations = super.activate(training, workspaceMgr);
    output = training ? activations : null;
    return activations;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (output == null) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    // DL4J's ReLU derivative writes δ into its first argument, as it does into z: the output is
    // not read again in this step (the layers after this one have finished their backward pass).
    INDArray delta =
        identity ? epsilon : layerConf().getActivationFn().backprop(output, epsilon).getFirst();
    output = null;
    if (maskArray != null) {
      applyMask(delta);
    }
    Gradient gradient = new DefaultGradient();
    INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
    delta.sum(biasGradient, 0);
    gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);

    INDArray weights = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
    INDArray epsilonNext =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD,
            delta.dataType(),
            new long[] {weights.size(0), delta.size(0)},
            'f');
    epsilonNext = weights.mmuli(delta.transpose(), epsilonNext).transpose();
    INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
    Nd4j.gemm(
        input.castTo(weightGradient.dataType()), delta, weightGradient, true, false, 1.0, 0.0);
    gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
    weightNoiseParams.clear();
    return new Pair<>(gradient, backpropDropOutIfPresent(epsilonNext));
  }
}
