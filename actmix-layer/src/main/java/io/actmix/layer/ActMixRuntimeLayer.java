package io.actmix.layer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * The runtime ActMix layer that {@link ActMixLayer} instantiates: DL4J's SameDiff runtime with
 * three corrections for DL4J 1.0.0-M2.1, each pinned by a test.
 *
 * <ol>
 *   <li>The SameDiff runtime returns twice the true gradient, for the parameters and for the
 *       epsilon passed down; this layer halves the incoming epsilon, which halves both. {@link
 *       #SAMEDIFF_GRADIENT_SCALE} records the factor.
 *   <li>The SameDiff runtime reports a regularization score of 0; this layer reports its
 *       regularizers' scores plus the entropy term {@code λ_l · H̄}.
 *   <li>The state parameter (temperature, entropy weight) gets a zero gradient, so no updater moves
 *       it.
 * </ol>
 *
 * <p>The entropy term's gradient {@link #entropyGradientTerm} is added to the logits' gradient.
 * {@link ActMixDirectLayer} overrides the passes and keeps the rest.
 */
public class ActMixRuntimeLayer extends SameDiffLayer {

  private static final long serialVersionUID = 1L;

  /** Reused for {@link #logits()}; created on first use. */
  private transient HostBuffer logitsCopy;

  /** The last {@link #mixingMath()}, or null. */
  private transient MixingMath mixingMath;

  /**
   * The factor by which DL4J 1.0.0-M2.1's SameDiff layer runtime overstates every gradient. A test
   * measures it on a plain SameDiff layer: when a DL4J upgrade fixes the runtime, that test fails
   * and this correction must go.
   */
  public static final double SAMEDIFF_GRADIENT_SCALE = 2.0;

  /** Created by {@link ActMixLayer#instantiate}. */
  ActMixRuntimeLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public ActMixLayer layerConf() {
    return (ActMixLayer) conf.getLayer();
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    Pair<Gradient, INDArray> result =
        super.backpropGradient(epsilon.div(SAMEDIFF_GRADIENT_SCALE), workspaceMgr);
    zeroStateGradient();
    double[] entropyTerm = entropyGradientTerm();
    if (entropyTerm != null) {
      INDArray logitsGradient = gradTable.get(ActMixLayer.LOGITS);
      logitsGradient.addi(
          Nd4j.create(entropyTerm, logitsGradient.shape(), 'c').castTo(logitsGradient.dataType()));
    }
    return result;
  }

  /** Zeroes the state parameter's gradient, so that no updater moves T or λ_l. */
  protected void zeroStateGradient() {
    INDArray stateGradient = gradTable.get(ActMixLayer.STATE);
    stateGradient.putScalar(0, ActMixLayer.TEMPERATURE_INDEX, 0.0);
    stateGradient.putScalar(0, ActMixLayer.ENTROPY_WEIGHT_INDEX, 0.0);
  }

  /**
   * The entropy term's share of the logits' raw gradient, {@code λ_l · ∂H̄/∂a}, [neurons, bases]
   * row-major; null when {@code λ_l = 0}. DL4J's raw gradients are sums over the minibatch that the
   * updater divides by its size, so the term is multiplied by the minibatch size when the network
   * trains on minibatches.
   */
  protected double[] entropyGradientTerm() {
    double weight = entropyWeight();
    if (weight == 0.0) {
      return null;
    }
    double scale = weight * (conf.isMiniBatch() ? input.size(0) : 1.0);
    double[] gradient = mixingMath().layerEntropyGradient();
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] *= scale;
    }
    return gradient;
  }

  /**
   * The mixing maths of the current logits and temperature: computed when either has changed since
   * the last call, else the same value again (within an iteration, the forward pass, the backward
   * pass, the entropy term and the score all ask).
   */
  protected MixingMath mixingMath() {
    double[] current = logits();
    double temperature = temperature();
    if (mixingMath == null || !mixingMath.isFor(current, temperature)) {
      mixingMath = MixingMath.of(current, bases(), temperature);
    }
    return mixingMath;
  }

  /** The logits {@code a}, [neurons, bases] row-major, in double precision; do not modify. */
  protected double[] logits() {
    if (logitsCopy == null) {
      logitsCopy = new HostBuffer();
    }
    INDArray logits = getParam(ActMixLayer.LOGITS);
    double[] values = logitsCopy.load(logits);
    return values.length == logits.length() ? values : Arrays.copyOf(values, (int) logits.length());
  }

  /** The number of basis functions {@code K}. */
  protected int bases() {
    return layerConf().getBasisFunctions().size();
  }

  /**
   * The regularization score of the logits ({@code WeightDecay}, L1, L2 as configured) plus the
   * entropy term {@code λ_l · H̄} of this layer.
   */
  @Override
  public double calcRegularizationScore(boolean backpropParamsOnly) {
    double score = 0.0;
    for (Map.Entry<String, INDArray> entry : paramTable().entrySet()) {
      List<Regularization> regularizations = layerConf().getRegularizationByParam(entry.getKey());
      if (regularizations != null) {
        for (Regularization regularization : regularizations) {
          score += score(regularization, entry.getKey(), entry.getValue());
        }
      }
    }
    double weight = entropyWeight();
    return weight == 0.0 ? score : score + weight * meanEntropy();
  }

  /**
   * One regularization's score of one parameter. DL4J's own three are computed on the JVM from the
   * logits' double copy, with DL4J's formulas ({@code c · ½‖a‖₂²} for weight decay and L2, {@code c
   * · ‖a‖₁} for L1), because DL4J scores every parameter with a native reduction each iteration,
   * and those dominate the cost of a score; any other regularization scores itself.
   */
  private double score(Regularization regularization, String param, INDArray values) {
    int iteration = getIterationCount();
    int epoch = getEpochCount();
    if (!ActMixLayer.LOGITS.equals(param)) {
      return regularization.score(values, iteration, epoch);
    }
    if (regularization instanceof WeightDecay decay) {
      return decay.getCoeff().valueAt(iteration, epoch) * 0.5 * sumOfSquares(logits());
    }
    if (regularization instanceof L2Regularization l2) {
      return l2.getL2().valueAt(iteration, epoch) * 0.5 * sumOfSquares(logits());
    }
    if (regularization instanceof L1Regularization l1) {
      double sum = 0.0;
      for (double a : logits()) {
        sum += Math.abs(a);
      }
      return l1.getL1().valueAt(iteration, epoch) * sum;
    }
    return regularization.score(values, iteration, epoch);
  }

  private static double sumOfSquares(double[] values) {
    double sum = 0.0;
    for (double v : values) {
      sum += v * v;
    }
    return sum;
  }

  /** The current softmax temperature {@code T}. */
  public double temperature() {
    return getParam(ActMixLayer.STATE).getDouble(0, ActMixLayer.TEMPERATURE_INDEX);
  }

  /**
   * Sets the softmax temperature, as the annealing listener does at the start of each epoch.
   *
   * @param temperature finite and &gt; 0
   */
  public void setTemperature(double temperature) {
    Checks.positive(where(), "temperature", temperature);
    getParam(ActMixLayer.STATE).putScalar(0, ActMixLayer.TEMPERATURE_INDEX, temperature);
  }

  /** The current entropy weight {@code λ_l} of this layer. */
  public double entropyWeight() {
    return getParam(ActMixLayer.STATE).getDouble(0, ActMixLayer.ENTROPY_WEIGHT_INDEX);
  }

  /**
   * Sets the entropy weight {@code λ_l} of this layer, as the warm-up listener does.
   *
   * @param entropyWeight finite and &ge; 0
   */
  public void setEntropyWeight(double entropyWeight) {
    Checks.nonNegative(where(), "entropyWeight", entropyWeight);
    getParam(ActMixLayer.STATE).putScalar(0, ActMixLayer.ENTROPY_WEIGHT_INDEX, entropyWeight);
  }

  /** The mean neuron entropy {@code H̄} of this layer at the current temperature, in nats. */
  public double meanEntropy() {
    return mixingMath().layerEntropy();
  }

  /** A snapshot of what this layer has learned: α, entropies, dominant bases, T and λ_l. */
  public LayerMixing mixing() {
    return LayerMixing.of(this);
  }

  /** {@code "ActMixLayer(layer i)"}, for messages. */
  protected String where() {
    return "ActMixLayer(layer " + getIndex() + ")";
  }
}
