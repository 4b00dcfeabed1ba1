package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DIRECT layer's cache of basis values only saves work: a backward pass after a training
 * forward pass (cache used) and after an inference pass (values recomputed) give the same gradients
 * and the same epsilon, bit for bit.
 */
class ActMixDirectLayerTest {

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  private ActMixRuntimeLayer layer;
  private final LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
  private final INDArray input = TestNetworks.gaussian(6, 9, 6, 1.5);
  private final INDArray otherInput = TestNetworks.gaussian(8, 9, 6, 1.5);
  private final INDArray epsilon = TestNetworks.gaussian(7, 9, 6, 1.0);

  @BeforeEach
  void layer() {
    MultiLayerNetwork network =
        TestNetworks.actMix(
            3,
            6,
            1,
            () ->
                new ActMixLayer.Builder()
                    .basisFunctions(List.of(BasisFunction.values()))
                    .temperature(0.7)
                    .entropyWeight(0.2)
                    .build());
    network.initGradientsView(); // as the first fit would
    layer = TestNetworks.actMixLayers(network).get(0);
    layer.getParam(ActMixLayer.LOGITS).assign(TestNetworks.gaussian(5, 6, 6, 1.0));
  }

  @Test
  void backpropGradient_afterInferenceForward_equalsAfterTrainingForward() {
    double[][] cached = trainingPass(input);

    layer.setInput(input.dup(), workspaces);
    layer.activate(false, workspaces);
    double[][] recomputed = copy(layer.backpropGradient(epsilon, workspaces));

    assertArrayEquals(cached[0], recomputed[0], 0.0);
    assertArrayEquals(cached[1], recomputed[1], 0.0);
  }

  @Test
  void backpropGradient_inputChangedAfterTrainingForward_usesTheNewInput() {
    double[][] expected = trainingPass(otherInput);

    layer.setInput(input, workspaces);
    layer.activate(true, workspaces);
    layer.setInput(otherInput, workspaces);
    double[][] actual = copy(layer.backpropGradient(epsilon, workspaces));

    assertArrayEquals(expected[0], actual[0], 0.0);
    assertArrayEquals(expected[1], actual[1], 0.0);
  }

  @Test
  void checkSize_moreValuesThanAJavaArrayHolds_throwsNamingTheWaysOut() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ActMixDirectLayer.checkSize(() -> "ActMixLayer(layer 1)", 1L << 20, 1L << 12));
    assertEquals(
        "ActMixLayer(layer 1): a minibatch of 1048576 rows × 4096 neurons = 4294967296 values;"
            + " the DIRECT implementation handles at most 2147483639 per pass. Use smaller"
            + " minibatches, or implementation(SAMEDIFF)",
        e.getMessage());
  }

  /** A training forward pass on {@code x} and the backward pass after it. */
  private double[][] trainingPass(INDArray x) {
    layer.setInput(x, workspaces);
    layer.activate(true, workspaces);
    return copy(layer.backpropGradient(epsilon, workspaces));
  }

  /** The logits' gradient and the epsilon below, copied: the views change with the next pass. */
  private static double[][] copy(Pair<Gradient, INDArray> result) {
    return new double[][] {
      result.getFirst().getGradientFor(ActMixLayer.LOGITS).dup().reshape(-1).toDoubleVector(),
      result.getSecond().dup().reshape(-1).toDoubleVector()
    };
  }
}
