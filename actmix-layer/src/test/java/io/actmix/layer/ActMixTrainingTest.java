package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Training in float32 on a small synthetic regression, {@code y = sin(2 x1) + x2² / 2 + x1 x2 / 4}:
 * ActMix learns it about as well as ReLU, and its neurons specialise as T anneals.
 */
class ActMixTrainingTest {

  private static final int EPOCHS = 60;
  private static final int HIDDEN = 32;

  private static DataSet train;
  private static DataSet test;

  @BeforeAll
  static void data() {
    TestNetworks.useSinglePrecision();
    train = synthetic(1, 768);
    test = synthetic(2, 256);
  }

  @Test
  void fit_syntheticRegression_testMseWithinTwentyPercentOfRelu() {
    MultiLayerNetwork actMix = actMixNetwork();
    actMix.setListeners(annealing(), warmup());
    MultiLayerNetwork relu = TestNetworks.denseRelu(2, HIDDEN, 2, new Adam(5e-3), DataType.FLOAT);

    double actMixMse = fitAndTest(actMix);
    double reluMse = fitAndTest(relu);

    assertTrue(
        actMixMse <= 1.2 * reluMse,
        "ActMix test MSE " + actMixMse + " > 1.2 × ReLU test MSE " + reluMse);
  }

  @Test
  void fit_withAnnealing_meanEntropyFallsAsTemperatureFalls() {
    MultiLayerNetwork actMix = actMixNetwork();
    List<Double> entropyPerEpoch = new ArrayList<>();
    actMix.setListeners(
        annealing(),
        warmup(),
        new BaseTrainingListener() {
          @Override
          public void onEpochEnd(Model model) {
            entropyPerEpoch.add(ActMixLayers.meanEntropy(model));
          }
        });

    fitAndTest(actMix);

    double first = entropyPerEpoch.get(0);
    double middle = entropyPerEpoch.get(EPOCHS / 2);
    double last = entropyPerEpoch.get(EPOCHS - 1);
    assertTrue(
        first > middle && middle > last && last < 0.25 * first,
        "mean entropy per epoch should fall with T: " + entropyPerEpoch);
  }

  private static MultiLayerNetwork actMixNetwork() {
    return TestNetworks.regression(
        2, HIDDEN, 2, () -> new ActMixLayer.Builder().build(), new Adam(5e-3), DataType.FLOAT);
  }

  private static TemperatureAnnealingListener annealing() {
    return new TemperatureAnnealingListener(new TemperatureSchedule(1.0, 0.01, 40));
  }

  private static EntropyWarmupListener warmup() {
    return new EntropyWarmupListener(new EntropyWarmupSchedule(0.01, 20));
  }

  private static double fitAndTest(MultiLayerNetwork network) {
    network.fit(new ViewIterator(train, 64), EPOCHS);
    INDArray error = network.output(test.getFeatures()).sub(test.getLabels());
    return error.mul(error).meanNumber().doubleValue();
  }

  private static DataSet synthetic(long seed, int rows) {
    INDArray x = TestNetworks.gaussian(seed, rows, 2, 1.0).castTo(DataType.FLOAT);
    INDArray x1 = x.getColumn(0, true);
    INDArray x2 = x.getColumn(1, true);
    INDArray y =
        Transforms.sin(x1.mul(2), true).addi(x2.mul(x2).muli(0.5)).addi(x1.mul(x2).muli(0.25));
    return new DataSet(x, y.reshape(rows, 1).castTo(DataType.FLOAT));
  }
}
