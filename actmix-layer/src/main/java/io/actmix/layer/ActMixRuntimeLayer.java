package io.actmix.layer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
 * <p>The entropy term's gradient is added to the logits' gradient. The mixing itself (logits,
 * state, α, entropies) is a {@link MixingState}. {@link ActMixDirectLayer} overrides the passes and
 * keeps the rest.
 */
public class ActMixRuntimeLayer extends SameDiffLayer implements MixingLayer {

  private static final long serialVersionUID = 1L;

  /** Created on first use. */
  private transient MixingState mixingState;

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
    double[] entropyTerm = mixingState().entropyGradientTerm(input.size(0));
    if (entropyTerm != null) {
      INDArray logitsGradient = gradTable.get(ActMixLayer.LOGITS);
      logitsGradient.addi(
          Nd4j.create(entropyTerm, logitsGradient.shape(), 'c').castTo(logitsGradient.dataType()));
    }
    return result;
  }

  /** Zeroes the state parameter's gradient, so that no updater moves T or λ_l. */
  protected void zeroStateGradient() {
    MixingState.zeroStateGradient(gradTable.get(ActMixLayer.STATE));
  }

  /** The mixing of this layer's neurons. */
  MixingState mixingState() {
    if (mixingState == null) {
      mixingState =
          new MixingState(
              this, "ActMixLayer", layerConf().getBasisFunctions(), layerConf().getOmega0());
    }
    return mixingState;
  }

  /**
   * The regularization score of the logits ({@code WeightDecay}, L1, L2 as configured) plus the
   * entropy term {@code λ_l · H̄} of this layer.
   */
  @Override
  public double calcRegularizationScore(boolean backpropParamsOnly) {
    return mixingState()
        .regularizationScore(
            paramTable(),
            layerConf()::getRegularizationByParam,
            getIterationCount(),
            getEpochCount());
  }

  @Override
  public double temperature() {
    return mixingState().temperature();
  }

  @Override
  public void setTemperature(double temperature) {
    mixingState().setTemperature(temperature);
  }

  @Override
  public double entropyWeight() {
    return mixingState().entropyWeight();
  }

  @Override
  public void setEntropyWeight(double entropyWeight) {
    mixingState().setEntropyWeight(entropyWeight);
  }

  @Override
  public double meanEntropy() {
    return mixingState().meanEntropy();
  }

  @Override
  public LayerMixing mixing() {
    return mixingState().mixing();
  }

  /** {@code "ActMixLayer(layer i)"}, for messages. */
  protected String where() {
    return mixingState().where();
  }
}
