package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Backpropagation of the ActMix layer against finite differences, and the SameDiff 2× trap. */
class ActMixGradientTest {

  /** GradientCheckUtil's own default: central differences in double precision reach ~1e-6. */
  private static final double MAX_RELATIVE_ERROR = 1e-3;

  private static final double EPSILON = 1e-6;
  private static final double MIN_ABSOLUTE_ERROR = 1e-8;

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @ParameterizedTest(name = "{3}: {0} ActMix block(s), λ = {1}, T = {2}")
  @CsvSource({
    "1, 0.0, 1.0, DIRECT", "1, 0.0, 0.4, DIRECT", "1, 0.5, 1.0, DIRECT", "1, 0.5, 0.4, DIRECT",
    "2, 0.0, 1.0, DIRECT", "2, 0.0, 0.4, DIRECT", "2, 0.5, 1.0, DIRECT", "2, 0.5, 0.4, DIRECT",
    "1, 0.5, 0.4, SAMEDIFF", "2, 0.0, 1.0, SAMEDIFF", "2, 0.5, 0.4, SAMEDIFF"
  })
  void checkGradients_denseActMixStack_matchesFiniteDifferences(
      int blocks, double lambda, double temperature, ActMixLayer.Implementation implementation) {
    MultiLayerNetwork network =
        TestNetworks.actMix(
            3, 4, blocks, () -> new ActMixLayer.Builder().implementation(implementation).build());
    Set<String> stateParams = new HashSet<>();
    int seed = 100;
    for (ActMixRuntimeLayer layer : TestNetworks.actMixLayers(network)) {
      layer.getParam(ActMixLayer.LOGITS).assign(TestNetworks.gaussian(seed++, 4, 4, 1.0));
      layer.setTemperature(temperature);
      layer.setEntropyWeight(lambda / blocks);
      stateParams.add(layer.getIndex() + "_" + ActMixLayer.STATE);
    }

    boolean passed =
        GradientCheckUtil.checkGradients(
            new GradientCheckUtil.MLNConfig()
                .net(network)
                .input(TestNetworks.gaussian(1, 6, 3, 1.0))
                .labels(TestNetworks.gaussian(2, 6, 1, 1.0))
                .epsilon(EPSILON)
                .maxRelError(MAX_RELATIVE_ERROR)
                .minAbsoluteError(MIN_ABSOLUTE_ERROR)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
                .excludeParams(stateParams));

    assertTrue(passed, "gradient check failed; see the log for the failing parameters");
  }

  @Test
  void backpropGradient_stateParameter_hasZeroGradient() {
    MultiLayerNetwork network =
        TestNetworks.actMix(3, 4, 1, () -> new ActMixLayer.Builder().entropyWeight(0.3).build());
    network.setInput(TestNetworks.gaussian(1, 6, 3, 1.0));
    network.setLabels(TestNetworks.gaussian(2, 6, 1, 1.0));

    network.computeGradientAndScore();

    INDArray stateGradient = network.gradient().getGradientFor("1_" + ActMixLayer.STATE);
    assertArrayEquals(new double[] {0.0, 0.0}, stateGradient.toDoubleVector());
  }

  /**
   * Pins the DL4J 1.0.0-M2.1 behaviour that {@link ActMixRuntimeLayer} corrects: the stock SameDiff
   * runtime of {@code out = x ⊙ w} returns {@code 2 · Σ_i ε_i x_i} for {@code w} and {@code 2 · ε ⊙
   * w} for the input. If this fails after a DL4J upgrade, the runtime stopped doubling: set {@link
   * ActMixRuntimeLayer#SAMEDIFF_GRADIENT_SCALE} to the new factor (1 removes the fix).
   */
  @Test
  void stockSameDiffRuntime_elementwiseScale_returnsDoubledGradients() {
    ElementwiseScale conf = new ElementwiseScale(3);
    NeuralNetConfiguration layerConf =
        new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).layer(conf).build();
    Layer layer =
        conf.instantiate(
            layerConf, List.of(), 0, Nd4j.create(DataType.DOUBLE, 1, 3), true, DataType.DOUBLE);
    layer.setBackpropGradientsViewArray(Nd4j.create(DataType.DOUBLE, 1, 3));
    INDArray weights = TestNetworks.gaussian(3, 1, 3, 1.0);
    layer.getParam("w").assign(weights);
    INDArray x = TestNetworks.gaussian(4, 5, 3, 1.0);
    INDArray epsilon = TestNetworks.gaussian(5, 5, 3, 1.0);
    LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
    layer.setInput(x, workspaces);
    layer.activate(true, workspaces);

    Pair<Gradient, INDArray> gradients = layer.backpropGradient(epsilon, workspaces);

    INDArray trueWeightGradient = epsilon.mul(x).sum(true, 0);
    INDArray trueInputGradient = epsilon.mulRowVector(weights);
    assertArrayEquals(
        trueWeightGradient.muli(ActMixRuntimeLayer.SAMEDIFF_GRADIENT_SCALE).toDoubleVector(),
        gradients.getFirst().getGradientFor("w").toDoubleVector(),
        1e-12);
    assertArrayEquals(
        trueInputGradient.muli(ActMixRuntimeLayer.SAMEDIFF_GRADIENT_SCALE).toDoubleMatrix()[0],
        gradients.getSecond().toDoubleMatrix()[0],
        1e-12);
  }

  /** A plain SameDiff layer, {@code out = x ⊙ w}, run by DL4J's stock SameDiff runtime. */
  static final class ElementwiseScale extends SameDiffLayer {
    private static final long serialVersionUID = 1L;
    private long size;

    ElementwiseScale(long size) {
      this.size = size;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
      params.addWeightParam("w", 1, size);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
      params.get("w").assign(1.0);
    }

    @Override
    public SDVariable defineLayer(
        SameDiff sd, SDVariable layerInput, Map<String, SDVariable> paramTable, SDVariable mask) {
      return layerInput.mul("scaled", paramTable.get("w"));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
      return InputType.feedForward(size);
    }
  }
}
