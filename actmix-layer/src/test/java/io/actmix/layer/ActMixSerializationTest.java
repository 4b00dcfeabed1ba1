package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;

/** Configurations and saved models round-trip exactly, temperature included. */
class ActMixSerializationTest {

  @TempDir File directory;

  @BeforeAll
  static void singlePrecision() {
    TestNetworks.useSinglePrecision();
  }

  private static MultiLayerConfiguration nonDefaultConfiguration() {
    return TestNetworks.regression(
            3,
            5,
            2,
            () ->
                new ActMixLayer.Builder()
                    .basisFunctions(BasisFunction.SILU, BasisFunction.SIN, BasisFunction.SIGMOID)
                    .reluBias(0.25)
                    .omega0(2.5)
                    .temperature(0.6)
                    .entropyWeight(0.02)
                    .build(),
            new Adam(1e-3),
            DataType.FLOAT)
        .getLayerWiseConfigurations();
  }

  @Test
  void fromJson_nonDefaultActMixConfiguration_equalsOriginal() {
    MultiLayerConfiguration original = nonDefaultConfiguration();

    assertEquals(original, MultiLayerConfiguration.fromJson(original.toJson()));
  }

  @Test
  void fromYaml_nonDefaultActMixConfiguration_equalsOriginal() {
    MultiLayerConfiguration original = nonDefaultConfiguration();

    assertEquals(original, MultiLayerConfiguration.fromYaml(original.toYaml()));
  }

  @Test
  void fromJson_nonDefaultActMixLayer_keepsEveryOption() {
    ActMixLayer original = (ActMixLayer) nonDefaultConfiguration().getConf(1).getLayer();

    ActMixLayer restored =
        (ActMixLayer)
            MultiLayerConfiguration.fromJson(nonDefaultConfiguration().toJson())
                .getConf(1)
                .getLayer();

    assertEquals(original.toString(), restored.toString());
  }

  @Test
  void restoreMultiLayerNetwork_trainedNetwork_isIdenticalAndTrainsIdentically()
      throws IOException {
    MultiLayerNetwork original = trainedNetwork();
    File file = new File(directory, "model.zip");
    ModelSerializer.writeModel(original, file, true);

    MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

    assertIdentical(original, restored);
    addListeners(original);
    addListeners(restored);
    original.fit(data());
    restored.fit(data());
    assertIdentical(original, restored);
  }

  @Test
  void load_savedNetwork_restoresTemperatureAndEntropyWeight() throws IOException {
    MultiLayerNetwork original = trainedNetwork();
    TestNetworks.actMixLayers(original).get(1).setTemperature(0.123);
    File file = new File(directory, "saved.zip");
    original.save(file);

    MultiLayerNetwork restored = MultiLayerNetwork.load(file, true);

    assertEquals(states(original), states(restored));
  }

  private static MultiLayerNetwork trainedNetwork() {
    MultiLayerNetwork network =
        TestNetworks.regression(
            3, 5, 2, () -> new ActMixLayer.Builder().build(), new Adam(1e-2), DataType.FLOAT);
    addListeners(network);
    network.fit(data(), 3);
    return network;
  }

  private static void addListeners(MultiLayerNetwork network) {
    network.setListeners(
        new TemperatureAnnealingListener(new TemperatureSchedule(1.0, 0.1, 4)),
        new EntropyWarmupListener(new EntropyWarmupSchedule(0.05, 2)));
  }

  private static DataSetIterator data() {
    DataSet all =
        new DataSet(TestNetworks.gaussian(1, 24, 3, 1.0), TestNetworks.gaussian(2, 24, 1, 1.0));
    all.setFeatures(all.getFeatures().castTo(DataType.FLOAT));
    all.setLabels(all.getLabels().castTo(DataType.FLOAT));
    return new ViewIterator(all, 8);
  }

  private static void assertIdentical(MultiLayerNetwork expected, MultiLayerNetwork actual) {
    assertArrayEquals(expected.params().toFloatVector(), actual.params().toFloatVector(), "params");
    assertArrayEquals(
        expected.getUpdater().getStateViewArray().toFloatVector(),
        actual.getUpdater().getStateViewArray().toFloatVector(),
        "updater state");
    assertEquals(states(expected), states(actual), "temperature and entropy weight per layer");
    assertEquals(expected.getEpochCount(), actual.getEpochCount(), "epoch count");
    INDArray input = TestNetworks.gaussian(9, 5, 3, 1.0).castTo(DataType.FLOAT);
    assertArrayEquals(
        expected.output(input).toFloatVector(), actual.output(input).toFloatVector(), "output");
  }

  private static List<List<Double>> states(MultiLayerNetwork network) {
    return TestNetworks.actMixLayers(network).stream()
        .map(layer -> List.of(layer.temperature(), layer.entropyWeight()))
        .toList();
  }
}
