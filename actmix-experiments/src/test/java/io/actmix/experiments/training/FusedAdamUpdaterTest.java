package io.actmix.experiments.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The fused step equals DL4J's updater with the {@link GlobalNormClipping} listener: the same
 * parameters and Adam state after several iterations, with clipping active, weight decay on
 * weights, biases, mixing logits and PReLU slopes and none on the ActMix state, a learning-rate
 * schedule.
 */
class FusedAdamUpdaterTest {

  private static final int ROWS = 16;
  private static final int ITERATIONS = 12;

  private static MultiLayerConfiguration configuration(DataType type, IUpdater updater) {
    return TrainingConfigurations.mixed(type, updater, 1e-2, 0);
  }

  private static Adam scheduledAdam() {
    return new Adam(new ExponentialSchedule(ScheduleType.ITERATION, 0.05, 0.9));
  }

  /** A network of the configuration trained {@link #ITERATIONS} steps on fixed rows. */
  private static MultiLayerNetwork trained(
      DataType type, IUpdater updater, double clipNorm, boolean fused) {
    Nd4j.setDefaultDataTypes(type, type);
    MultiLayerNetwork network = new MultiLayerNetwork(configuration(type, updater));
    network.init();
    if (fused) {
      network.setUpdater(new FusedAdamUpdater(network, clipNorm));
    } else {
      network.setListeners(new GlobalNormClipping(clipNorm));
    }
    INDArray features = Nd4j.linspace(-2, 2, ROWS * 3, type).reshape(ROWS, 3);
    INDArray labels = Nd4j.linspace(5, 9, ROWS, type).reshape(ROWS, 1);
    for (int i = 0; i < ITERATIONS; i++) {
      network.fit(features, labels);
    }
    return network;
  }

  private static double maxDifference(INDArray a, INDArray b) {
    return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
  }

  @Test
  void update_doubleNetworkWithClipping_equalsDl4jUpdaterAndListener() {
    // A norm of 0.05 clips every step of this regression (the unclipped norm starts near 10).
    MultiLayerNetwork fused = trained(DataType.DOUBLE, scheduledAdam(), 0.05, true);
    MultiLayerNetwork reference = trained(DataType.DOUBLE, scheduledAdam(), 0.05, false);

    // Double precision throughout; the sums run in another order, nothing else differs.
    assertEquals(0, maxDifference(fused.params(), reference.params()), 1e-12);
  }

  @Test
  void update_doubleNetworkWithClipping_keepsAdamStateAsDl4j() {
    MultiLayerNetwork fused = trained(DataType.DOUBLE, scheduledAdam(), 0.05, true);
    MultiLayerNetwork reference = trained(DataType.DOUBLE, scheduledAdam(), 0.05, false);

    assertEquals(
        0,
        maxDifference(
            fused.getUpdater().getStateViewArray(), reference.getUpdater().getStateViewArray()),
        1e-12);
  }

  @Test
  void update_doubleNetworkWithoutClipping_equalsDl4jUpdater() {
    MultiLayerNetwork fused = trained(DataType.DOUBLE, scheduledAdam(), 1e6, true);
    MultiLayerNetwork reference = trained(DataType.DOUBLE, scheduledAdam(), 1e6, false);

    assertEquals(0, maxDifference(fused.params(), reference.params()), 1e-12);
  }

  @Test
  void update_floatNetwork_withinFloatRoundingOfDl4j() {
    MultiLayerNetwork fused = trained(DataType.FLOAT, scheduledAdam(), 0.05, true);
    MultiLayerNetwork reference = trained(DataType.FLOAT, scheduledAdam(), 0.05, false);

    // DL4J rounds to float after each of its six ops a step, the fused step after three; each
    // rounding moves an update (≤ 0.05 here) by at most 2⁻²⁴ of itself, a parameter by 3e-9 a
    // step. 1e-6 over 12 steps leaves room for Adam's 1/√v amplifying differences early on.
    assertEquals(0, maxDifference(fused.params(), reference.params()), 1e-6);
  }

  @Test
  void constructor_trainingConfiguration_takesFusedPath() {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    MultiLayerNetwork network =
        new MultiLayerNetwork(configuration(DataType.FLOAT, scheduledAdam()));
    network.init();

    assertTrue(new FusedAdamUpdater(network, 1).fused());
  }

  @Test
  void constructor_otherUpdater_takesDl4jPath() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    MultiLayerNetwork network = new MultiLayerNetwork(configuration(DataType.DOUBLE, new Sgd(0.1)));
    network.init();

    assertFalse(new FusedAdamUpdater(network, 1).fused());
  }

  @Test
  void update_otherUpdater_clipsAndUpdatesAsDl4j() {
    MultiLayerNetwork fused = trained(DataType.DOUBLE, new Sgd(0.01), 0.05, true);
    MultiLayerNetwork reference = trained(DataType.DOUBLE, new Sgd(0.01), 0.05, false);

    assertEquals(0, maxDifference(fused.params(), reference.params()), 0.0);
  }

  @Test
  void constructor_nonPositiveClipNorm_throwsWithValueAndRule() {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    MultiLayerNetwork network =
        new MultiLayerNetwork(configuration(DataType.FLOAT, scheduledAdam()));
    network.init();

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new FusedAdamUpdater(network, 0));
    assertEquals("FusedAdamUpdater: clipNorm = 0.0; must be finite and > 0", error.getMessage());
  }
}
