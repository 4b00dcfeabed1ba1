package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The DIRECT implementation equals the SAMEDIFF reference: same output and same gradients of every
 * parameter of the network (the dense layers' included, which the epsilon passed down decides), for
 * every basis, at several temperatures, with and without the entropy term.
 */
class ActMixImplementationTest {

  /** Double precision; the two compute the same sums in different orders. */
  private static final double TOLERANCE = 1e-12;

  /**
   * Float32: about 30 ops, each rounding by at most 2^-24 relative, bound the difference by 30 ·
   * 2^-24 ≈ 1.8e-6 of the largest element compared; measured up to 7e-7.
   */
  private static final double FLOAT_TOLERANCE = 2e-6;

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @ParameterizedTest(name = "T = {0}, λ = {1}, ω0 = {2}")
  @CsvSource({"1.0, 0.0, 1.0", "0.3, 0.5, 1.0", "0.01, 0.5, 2.5", "2.0, 0.1, 0.7"})
  void directAndSameDiff_allBases_giveEqualOutputsAndGradients(
      double temperature, double lambda, double omega0) {
    MultiLayerNetwork direct =
        network(ActMixLayer.Implementation.DIRECT, temperature, lambda, omega0);
    MultiLayerNetwork sameDiff =
        network(ActMixLayer.Implementation.SAMEDIFF, temperature, lambda, omega0);
    INDArray input = TestNetworks.gaussian(3, 7, 3, 1.5);
    INDArray labels = TestNetworks.gaussian(4, 7, 1, 1.0);

    assertArrayEquals(
        sameDiff.output(input).toDoubleVector(), direct.output(input).toDoubleVector(), TOLERANCE);
    assertArrayEquals(
        gradient(sameDiff, input, labels), gradient(direct, input, labels), TOLERANCE);
  }

  /** A minibatch of 37 rows, more than the 7 above and not a power of two. */
  @Test
  void directAndSameDiff_largerMinibatch_giveEqualOutputsAndGradients() {
    int rows = 37;
    MultiLayerNetwork direct = network(ActMixLayer.Implementation.DIRECT, 0.3, 0.5, 1.0);
    MultiLayerNetwork sameDiff = network(ActMixLayer.Implementation.SAMEDIFF, 0.3, 0.5, 1.0);
    INDArray input = TestNetworks.gaussian(3, rows, 3, 1.5);
    INDArray labels = TestNetworks.gaussian(4, rows, 1, 1.0);

    assertArrayEquals(
        sameDiff.output(input).toDoubleVector(), direct.output(input).toDoubleVector(), TOLERANCE);
    assertArrayEquals(
        gradient(sameDiff, input, labels), gradient(direct, input, labels), TOLERANCE);
  }

  /**
   * In float32 the two differ by rounding: SAMEDIFF rounds every op to float32 and DIRECT computes
   * in double with float32-accurate basis functions (tanh within 4 ulp). Outputs and gradients of
   * order 1 built from a few dozen such ops agree to a few float32 ulp of their largest element.
   */
  @ParameterizedTest(name = "T = {0}, λ = {1}, ω0 = {2}")
  @CsvSource({"1.0, 0.0, 1.0", "0.3, 0.5, 1.0", "0.01, 0.5, 2.5"})
  void directAndSameDiff_float32_agreeWithinFloatRounding(
      double temperature, double lambda, double omega0) {
    MultiLayerNetwork direct =
        network(ActMixLayer.Implementation.DIRECT, temperature, lambda, omega0, DataType.FLOAT);
    MultiLayerNetwork sameDiff =
        network(ActMixLayer.Implementation.SAMEDIFF, temperature, lambda, omega0, DataType.FLOAT);
    INDArray input = TestNetworks.gaussian(3, 7, 3, 1.5).castTo(DataType.FLOAT);
    INDArray labels = TestNetworks.gaussian(4, 7, 1, 1.0).castTo(DataType.FLOAT);

    assertWithinFloatRounding(
        sameDiff.output(input).toDoubleVector(), direct.output(input).toDoubleVector());
    assertWithinFloatRounding(gradient(sameDiff, input, labels), gradient(direct, input, labels));
  }

  /**
   * Elementwise within {@link #FLOAT_TOLERANCE} times the largest magnitude of {@code expected}.
   */
  private static void assertWithinFloatRounding(double[] expected, double[] actual) {
    double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0.0);
    assertArrayEquals(expected, actual, FLOAT_TOLERANCE * scale);
  }

  private static MultiLayerNetwork network(
      ActMixLayer.Implementation implementation, double temperature, double lambda, double omega0) {
    return network(implementation, temperature, lambda, omega0, DataType.DOUBLE);
  }

  private static MultiLayerNetwork network(
      ActMixLayer.Implementation implementation,
      double temperature,
      double lambda,
      double omega0,
      DataType dataType) {
    MultiLayerNetwork network =
        TestNetworks.regression(
            3,
            5,
            2,
            () ->
                new ActMixLayer.Builder()
                    .basisFunctions(List.of(BasisFunction.values()))
                    .omega0(omega0)
                    .temperature(temperature)
                    .entropyWeight(lambda)
                    .implementation(implementation)
                    .build(),
            new NoOp(),
            dataType);
    int seed = 20;
    for (ActMixRuntimeLayer layer : TestNetworks.actMixLayers(network)) {
      layer
          .getParam(ActMixLayer.LOGITS)
          .assign(TestNetworks.gaussian(seed++, 5, 6, 1.0).castTo(dataType));
    }
    return network;
  }

  private static double[] gradient(MultiLayerNetwork network, INDArray input, INDArray labels) {
    network.setInput(input);
    network.setLabels(labels);
    network.computeGradientAndScore();
    return network.gradient().gradient().toDoubleVector();
  }
}
