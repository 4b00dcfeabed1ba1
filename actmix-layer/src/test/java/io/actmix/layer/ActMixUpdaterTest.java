package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * How DL4J's updater and regularizers treat the layer's two parameters: the state shares the
 * layer's updater (one updater block) and still never moves; the logits' regularization score is
 * DL4J's own.
 */
class ActMixUpdaterTest {

  private static final double TEMPERATURE = 0.35;
  private static final double ENTROPY_WEIGHT = 0.02;

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  /**
   * Dense(identity) → ActMix → Dense(MSE), 3 inputs, 5 neurons, with {@code regularization} on
   * weights and biases alike (the state is a bias parameter: the layer must exempt it).
   */
  private static MultiLayerNetwork network(IUpdater updater, Regularization regularization) {
    return TestNetworks.regression(
        3,
        5,
        1,
        () ->
            new ActMixLayer.Builder()
                .temperature(TEMPERATURE)
                .entropyWeight(ENTROPY_WEIGHT)
                .implementation(ActMixLayer.Implementation.DIRECT)
                .build(),
        updater,
        DataType.DOUBLE,
        List.of(regularization));
  }

  static Stream<IUpdater> updaters() {
    return Stream.of(
        new Sgd(0.1),
        new Nesterovs(0.1, 0.9),
        new Adam(0.1),
        new AdaMax(0.1),
        new Nadam(0.1),
        new AMSGrad(0.1),
        new AdaGrad(0.1),
        new RmsProp(0.1),
        new AdaDelta());
  }

  @ParameterizedTest
  @MethodSource("updaters")
  void fit_anyUpdaterWithWeightDecay_leavesStateExactlyUnchanged(IUpdater updater) {
    MultiLayerNetwork network = network(updater, new WeightDecay(1e-2, true));
    INDArray logitsBefore = network.getLayer(1).getParam(ActMixLayer.LOGITS).dup();
    for (int i = 0; i < 5; i++) {
      network.fit(
          TestNetworks.gaussian(10 + i, 8, 3, 1.0), TestNetworks.gaussian(20 + i, 8, 1, 1.0));
    }
    ActMixRuntimeLayer layer = (ActMixRuntimeLayer) network.getLayer(1);
    assertArrayEquals(
        new double[] {TEMPERATURE, ENTROPY_WEIGHT},
        new double[] {layer.temperature(), layer.entropyWeight()},
        0.0,
        updater.getClass().getSimpleName());
    // The logits did train, so the state stood still under a working updater.
    assertNotEquals(logitsBefore, layer.getParam(ActMixLayer.LOGITS));
  }

  @Test
  void updater_denseAndActMixLayersWithOneUpdater_updateInOneBlock() {
    MultiLayerNetwork network = network(new Adam(1e-3), new WeightDecay(1e-4, true));
    BaseMultiLayerUpdater<?> updater = (BaseMultiLayerUpdater<?>) network.getUpdater();
    assertEquals(1, updater.getUpdaterBlocks().size());
  }

  static Stream<Regularization> regularizations() {
    return Stream.of(
        new WeightDecay(3e-2, true), new L2Regularization(3e-2), new L1Regularization(3e-2));
  }

  @ParameterizedTest
  @MethodSource("regularizations")
  void calcRegularizationScore_dl4jRegularization_equalsItsOwnScoreOfTheLogits(
      Regularization regularization) {
    MultiLayerNetwork network = network(new Sgd(0.1), regularization);
    ActMixRuntimeLayer layer = (ActMixRuntimeLayer) network.getLayer(1);
    INDArray logits = layer.getParam(ActMixLayer.LOGITS);
    logits.assign(TestNetworks.gaussian(3, 5, 4, 1.0));
    layer.setEntropyWeight(0.0);
    // Double precision, sums of 20 terms of order 1: agreement to rounding.
    assertEquals(regularization.score(logits, 0, 0), layer.calcRegularizationScore(true), 1e-12);
  }
}
