package io.actmix.experiments.training;

import io.actmix.layer.HostBuffer;
import java.util.Arrays;
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
 * DL4J's dense layer with its three products in ND4J and everything else on the JVM, and without
 * the second forward product of DL4J's backward pass.
 *
 * <pre>
 *   forward:   z = x W + b      (one product into an array that holds b in every row: beta = 1)
 *              y = z  or  relu(z)
 *   backward:  δ = ε  or  ε ⊙ [y > 0]          ∂L/∂b = Σ_rows δ
 *              ∂L/∂W = xᵀ δ,   ε_prev = δ Wᵀ
 * </pre>
 *
 * <p>DL4J's backward pass recomputes {@code z} to differentiate the activation, one of a layer's
 * four products of a training step; for the identity the derivative does not need {@code z}, for
 * ReLU {@code z > 0} exactly where the output {@code y > 0}. DL4J adds the bias, takes the ReLU and
 * its derivative and sums the bias gradient with one native op each, which at these sizes (a
 * minibatch of 128 × 128) cost 25–45 µs apiece, half as long as the product itself ({@code
 * bench/micro-bench.sh}); here they are a bulk copy in and out and a loop each. With a mask array
 * set, DL4J's own passes run.
 *
 * <p>{@link TrainingNetwork} puts one in place of each DL4J dense layer it can stand for ({@link
 * #canReplace}); the configuration, parameters and gradient views are the same objects.
 */
final class TrainingDenseLayer extends DenseLayer {

  private static final long serialVersionUID = 1L;

  private final boolean identity;
  private transient INDArray output;
  private final transient HostBuffer activations = new HostBuffer();
  private final transient HostBuffer gradient = new HostBuffer();
  private final transient HostBuffer bias = new HostBuffer();
  private final transient HostBuffer biasGradient = new HostBuffer();
  private transient double[] row = new double[0];

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
    output = null;
    if (maskArray != null) {
      return super.activate(training, workspaceMgr);
    }
    assertInputSet(false);
    INDArray weights =
        getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
    INDArray x = input.castTo(weights.dataType());
    if (x.rank() != 2 || x.size(1) != weights.size(0)) {
      return super.activate(training, workspaceMgr); // DL4J's message for the wrong input
    }
    int rows = Math.toIntExact(x.size(0));
    int units = Math.toIntExact(weights.size(1));
    double[] b =
        bias.load(getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr));
    double[] z = activations.reserve((long) rows * units);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(b, 0, z, r * units, units);
    }
    INDArray result =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS, weights.dataType(), new long[] {rows, units}, 'c');
    activations.store(result);
    Nd4j.gemm(x, weights, result, false, false, 1.0, 1.0);
    if (!identity) {
      double[] y = activations.load(result);
      for (int i = 0; i < rows * units; i++) {
        y[i] = Math.max(y[i], 0.0);
      }
      activations.store(result);
    }
    output = training ? result : null;
    return result;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (output == null || maskArray != null) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    int rows = Math.toIntExact(epsilon.size(0));
    int units = Math.toIntExact(epsilon.size(1));
    double[] d = gradient.load(epsilon);
    INDArray delta = epsilon;
    if (!identity) {
      // The output's values, which the forward pass that set output left in the buffer.
      double[] y = activations.values();
      for (int i = 0; i < rows * units; i++) {
        // ε where y > 0, else 0 (also at y = 0, as ND4J's ReLU derivative), without a branch.
        d[i] *= Math.ceil(Math.min(y[i], 1.0));
      }
      // δ goes into the output array, as DL4J's ReLU derivative writes it: the output is not read
      // again in this step (the layers after this one have finished their backward pass).
      gradient.store(output);
      delta = output;
    }
    output = null;
    Gradient gradients = new DefaultGradient();
    INDArray biasView = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
    columnSums(d, rows, units, biasGradient.reserve(units));
    biasGradient.store(biasView);
    gradients.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasView);

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
    gradients.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
    weightNoiseParams.clear();
    return new Pair<>(gradients, backpropDropOutIfPresent(epsilonNext));
  }

  /**
   * {@code sums[j] = Σ_r d[r · units + j]}, a row at a time through a row-long copy, so that the
   * loop indexes both its arrays alike and vectorizes.
   */
  private void columnSums(double[] d, int rows, int units, double[] sums) {
    if (row.length < units) {
      row = new double[units];
    }
    double[] current = row;
    Arrays.fill(sums, 0, units, 0.0);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(d, r * units, current, 0, units);
      for (int j = 0; j < units; j++) {
        sums[j] += current[j];
      }
    }
  }
}
