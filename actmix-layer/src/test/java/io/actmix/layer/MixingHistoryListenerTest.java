package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.learning.config.Sgd;

/** The listener records one snapshot per epoch, with the epoch's schedule values. */
class MixingHistoryListenerTest {

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @Test
  void history_threeEpochs_recordsEpochTemperatureLambdaAndShares() {
    MultiLayerNetwork network =
        TestNetworks.regression(
            3, 4, 2, () -> new ActMixLayer.Builder().build(), new Sgd(0.01), DataType.DOUBLE);
    MixingHistoryListener history = new MixingHistoryListener();
    network.setListeners(
        new TemperatureAnnealingListener(new TemperatureSchedule(1.0, 0.5, 2)),
        new EntropyWarmupListener(new EntropyWarmupSchedule(0.2, 1)),
        history);

    network.fit(
        new ViewIterator(
            new DataSet(TestNetworks.gaussian(1, 8, 3, 1), TestNetworks.gaussian(2, 8, 1, 1)), 4),
        3);

    List<MixingSnapshot> snapshots = history.history();
    assertEquals(
        List.of(List.of(0, 1.0, 0.0), List.of(1, 0.75, 0.2), List.of(2, 0.5, 0.2)),
        snapshots.stream()
            .map(s -> List.<Object>of(s.epoch(), s.temperature(), s.lambda()))
            .toList());
    for (MixingSnapshot snapshot : snapshots) {
      for (MixingSnapshot.Layer layer : snapshot.layers()) {
        assertEquals(1.0, java.util.Arrays.stream(layer.basisShare()).sum(), 1e-12);
      }
    }
    assertArrayEquals(
        new int[] {1, 3},
        snapshots.get(0).layers().stream().mapToInt(MixingSnapshot.Layer::layerIndex).toArray());
  }
}
