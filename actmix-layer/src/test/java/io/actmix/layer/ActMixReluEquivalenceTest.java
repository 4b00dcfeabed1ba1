package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

/** An ActMix layer whose α is one-hot on ReLU is DL4J's own ReLU. */
class ActMixReluEquivalenceTest {

  /**
   * With logits (0, 0, 1, 0) at T = 0.01, every non-ReLU α is e^-100 ≈ 4e-44, far below the
   * double-precision rounding of outputs of order 1 (1e-16); what remains is summation order.
   */
  private static final double TOLERANCE = 1e-12;

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @Test
  void output_alphaOneHotOnRelu_equalsDenseReluNetwork() {
    MultiLayerNetwork actMix =
        TestNetworks.actMix(
            3, 6, 2, () -> new ActMixLayer.Builder().reluBias(1.0).temperature(0.01).build());
    MultiLayerNetwork relu = TestNetworks.denseRelu(3, 6, 2, new NoOp(), DataType.DOUBLE);
    relu.getLayer(0).setParams(actMix.getLayer(0).params());
    relu.getLayer(1).setParams(actMix.getLayer(2).params());
    relu.getLayer(2).setParams(actMix.getLayer(4).params());
    INDArray input = TestNetworks.gaussian(11, 9, 3, 1.5);

    INDArray expected = relu.output(input);
    INDArray actual = actMix.output(input);

    assertArrayEquals(
        expected.toDoubleVector(), actual.toDoubleVector(), TOLERANCE, "network outputs");
  }

  @Test
  void alpha_reluBiasOneAtLowTemperature_isOneHotOnRelu() {
    MultiLayerNetwork actMix =
        TestNetworks.actMix(
            3, 6, 1, () -> new ActMixLayer.Builder().reluBias(1.0).temperature(0.01).build());

    LayerMixing mixing = ActMixLayers.mixing(actMix).get(0);

    for (int j = 0; j < mixing.neurons(); j++) {
      assertArrayEquals(new double[] {0, 0, 1, 0}, mixing.alpha()[j], 1e-40, "neuron " + j);
    }
  }
}
