package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/** The embedding's backward pass against central finite differences, in double precision. */
class PeriodicEmbeddingGradientTest {

  /** As in ActMixGradientTest: GradientCheckUtil's default bounds for double precision. */
  private static final double MAX_RELATIVE_ERROR = 1e-3;

  private static final double EPSILON = 1e-6;
  private static final double MIN_ABSOLUTE_ERROR = 1e-8;

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @Test
  void checkGradients_reluActivation_matchesFiniteDifferences() {
    MultiLayerNetwork network =
        PeriodicEmbeddingForwardTest.network(
            PeriodicEmbeddingForwardTest.builder().build(), DataType.DOUBLE);

    assertTrue(check(network, Set.of()), "gradient check failed; see the log");
  }

  @ParameterizedTest(name = "λ = {0}, T = {1}")
  @CsvSource({"0.0, 1.0", "0.5, 0.4"})
  void checkGradients_actMixActivation_matchesFiniteDifferences(double lambda, double temperature) {
    MultiLayerNetwork network =
        PeriodicEmbeddingForwardTest.network(
            PeriodicEmbeddingForwardTest.actMixBuilder().build(), DataType.DOUBLE);
    PeriodicEmbeddingForwardTest.mix(network, temperature);
    ((MixingLayer) network.getLayer(0)).setEntropyWeight(lambda);

    assertTrue(check(network, Set.of("0_" + ActMixLayer.STATE)), "gradient check failed");
  }

  @Test
  void checkGradients_actMixEmbeddingThenActMixLayer_matchesFiniteDifferences() {
    MultiLayerNetwork network =
        TestNetworks.embedding(
            PeriodicEmbeddingForwardTest.actMixBuilder().build(),
            5,
            DataType.DOUBLE,
            new ActMixLayer.Builder().build());
    PeriodicEmbeddingForwardTest.mix(network, 0.7);
    for (MixingLayer layer : ActMixLayers.of(network)) {
      layer.setEntropyWeight(0.25);
    }

    assertTrue(
        check(network, Set.of("0_" + ActMixLayer.STATE, "2_" + ActMixLayer.STATE)),
        "gradient check failed");
  }

  private static boolean check(MultiLayerNetwork network, Set<String> excluded) {
    return GradientCheckUtil.checkGradients(
        new GradientCheckUtil.MLNConfig()
            .net(network)
            .input(TestNetworks.gaussian(1, 6, 5, 1.0))
            .labels(TestNetworks.gaussian(2, 6, 1, 1.0))
            .epsilon(EPSILON)
            .maxRelError(MAX_RELATIVE_ERROR)
            .minAbsoluteError(MIN_ABSOLUTE_ERROR)
            .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
            .excludeParams(excluded));
  }
}
