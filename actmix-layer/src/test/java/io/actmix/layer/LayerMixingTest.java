package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inspection of a layer with known logits. Over bases (sin, relu) at T = 0.5, the logit rows (0,
 * 0), (ln 3 / 2, 0) and (0, ln 9 / 2) give α = (1/2, 1/2), (3/4, 1/4) and (1/10, 9/10).
 */
class LayerMixingTest {

  /** Double precision, a few roundings of exp and log. */
  private static final double TOLERANCE = 1e-14;

  private LayerMixing mixing;
  private MultiLayerNetwork network;

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @BeforeEach
  void knownMixing() {
    network =
        TestNetworks.actMix(
            2,
            3,
            1,
            () ->
                new ActMixLayer.Builder()
                    .basisFunctions(BasisFunction.SIN, BasisFunction.RELU)
                    .omega0(2.0)
                    .temperature(0.5)
                    .entropyWeight(0.25)
                    .build());
    TestNetworks.actMixLayers(network)
        .get(0)
        .getParam(ActMixLayer.LOGITS)
        .assign(Nd4j.create(new double[][] {{0, 0}, {Math.log(3) / 2, 0}, {0, Math.log(9) / 2}}));
    mixing = ActMixLayers.mixing(network).get(0);
  }

  @Test
  void alpha_knownLogits_isSoftmaxOverTemperature() {
    double[][] alpha = mixing.alpha();

    assertArrayEquals(new double[] {0.5, 0.5}, alpha[0], TOLERANCE);
    assertArrayEquals(new double[] {0.75, 0.25}, alpha[1], TOLERANCE);
    assertArrayEquals(new double[] {0.1, 0.9}, alpha[2], TOLERANCE);
  }

  @Test
  void entropy_knownLogits_isShannonEntropyInNats() {
    double[] expected = {
      Math.log(2),
      -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)),
      -(0.1 * Math.log(0.1) + 0.9 * Math.log(0.9))
    };

    assertArrayEquals(expected, mixing.entropy(), TOLERANCE);
  }

  @Test
  void meanEntropy_oneLayerNetwork_equalsTheLayerMean() {
    double expected =
        (Math.log(2)
                - (0.75 * Math.log(0.75) + 0.25 * Math.log(0.25))
                - (0.1 * Math.log(0.1) + 0.9 * Math.log(0.9)))
            / 3;

    assertEquals(expected, ActMixLayers.meanEntropy(network), TOLERANCE);
  }

  @Test
  void dominantBases_knownLogits_takeLargestAlphaAndFirstOnTie() {
    assertEquals(
        List.of(BasisFunction.SIN, BasisFunction.SIN, BasisFunction.RELU), mixing.dominantBases());
  }

  @Test
  void dominantCounts_knownLogits_countNeuronsPerBasisInBasisOrder() {
    assertArrayEquals(new int[] {2, 1}, mixing.dominantCounts());
  }

  @Test
  void basisMass_knownLogits_sumsAlphaOverNeurons() {
    assertArrayEquals(new double[] {1.35, 1.65}, mixing.basisMass(), TOLERANCE);
  }

  @Test
  void maxAlpha_knownLogits_isLargestCoefficient() {
    assertArrayEquals(
        new double[] {0.5, 0.75, 0.9},
        new double[] {mixing.maxAlpha(0), mixing.maxAlpha(1), mixing.maxAlpha(2)},
        TOLERANCE);
  }

  @Test
  void activationCurve_secondNeuron_isWeightedSumOfBases() {
    double[] grid = {-2.0, 0.0, 1.5};

    double[] expected = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      expected[i] = 0.75 * Math.sin(2.0 * grid[i]) + 0.25 * Math.max(grid[i], 0);
    }
    assertArrayEquals(expected, mixing.activationCurve(1, grid), TOLERANCE);
  }

  @Test
  void state_configuredLayer_reportsTemperatureAndEntropyWeight() {
    assertArrayEquals(
        new double[] {0.5, 0.25, 1},
        new double[] {mixing.temperature(), mixing.entropyWeight(), mixing.layerIndex()});
  }

  @Test
  void maxEntropy_twoBases_isLnTwo() {
    assertEquals(Math.log(2), mixing.maxEntropy());
  }
}
