package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The embedding's configuration: validation, initialisation, serialization, listeners. */
class PeriodicEmbeddingLayerTest {

  @TempDir File directory;

  @AfterEach
  void restorePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @Test
  void build_frequenciesBelowOne_failsNamingFieldValueAndRule() {
    assertFails(
        () -> new PeriodicEmbeddingLayer.Builder().frequencies(0).build(),
        "PeriodicEmbeddingLayer: frequencies = 0; must be >= 1");
  }

  @Test
  void build_embeddingSizeBelowOne_failsNamingFieldValueAndRule() {
    assertFails(
        () -> new PeriodicEmbeddingLayer.Builder().name("emb").embeddingSize(-2).build(),
        "PeriodicEmbeddingLayer('emb'): embeddingSize = -2; must be >= 1");
  }

  @Test
  void build_nonPositiveSigma_failsNamingFieldValueAndRule() {
    assertFails(
        () -> new PeriodicEmbeddingLayer.Builder().sigma(0.0).build(),
        "PeriodicEmbeddingLayer: sigma = 0.0; must be > 0");
  }

  @Test
  void build_repeatedColumn_failsNamingTheRepeat() {
    assertFails(
        () -> new PeriodicEmbeddingLayer.Builder().numericColumns(0, 2, 0).build(),
        "PeriodicEmbeddingLayer: numericColumns = [0, 2, 0]; must not repeat a column; remove the"
            + " second 0");
  }

  @Test
  void build_negativeColumn_failsNamingIt() {
    assertFails(
        () -> new PeriodicEmbeddingLayer.Builder().numericColumns(1, -1).build(),
        "PeriodicEmbeddingLayer: numericColumns = [1, -1] holds -1; columns must be >= 0");
  }

  @Test
  void build_noColumns_failsSayingHowToEmbedAll() {
    assertFails(
        () -> new PeriodicEmbeddingLayer.Builder().numericColumns().build(),
        "PeriodicEmbeddingLayer: numericColumns = []; must name at least one column (leave it"
            + " unset to embed every column)");
  }

  @Test
  void networkBuild_columnBeyondInput_failsNamingTheColumnAndTheWidth() {
    PeriodicEmbeddingLayer layer =
        new PeriodicEmbeddingLayer.Builder().numericColumns(1, 5).build();

    assertFails(
        () -> TestNetworks.embedding(layer, 5, DataType.DOUBLE),
        "PeriodicEmbeddingLayer('layer0'): numericColumns = [1, 5] names column 5; the input has 5 columns,"
            + " 0 to 4");
  }

  @Test
  void init_sameSeed_sameParameters() {
    INDArray first = network().params().dup();

    assertEquals(first, network().params());
  }

  @Test
  void init_frequencies_truncatedNormalOfScaleSigma() {
    double sigma = 0.25;
    MultiLayerNetwork network =
        TestNetworks.embedding(
            new PeriodicEmbeddingLayer.Builder()
                .frequencies(500)
                .embeddingSize(1)
                .sigma(sigma)
                .build(),
            4,
            DataType.DOUBLE);
    double[] c = network.getLayer(0).getParam(PeriodicEmbeddingLayer.FREQUENCIES).data().asDouble();

    double max = 0;
    double squares = 0;
    for (double value : c) {
      max = Math.max(max, Math.abs(value));
      squares += value * value;
    }
    // N(0, σ²) truncated at ±3σ has deviation 0.9866σ; 2000 draws estimate it within ~3%.
    assertTrue(max <= 3 * sigma, "largest |c| = " + max);
    assertEquals(0.9866 * sigma, Math.sqrt(squares / c.length), 0.1 * sigma);
  }

  @Test
  void init_linearMap_uniformWithinInverseRootOfItsInputs() {
    int frequencies = 8;
    MultiLayerNetwork network =
        TestNetworks.embedding(
            new PeriodicEmbeddingLayer.Builder().frequencies(frequencies).build(),
            4,
            DataType.DOUBLE);
    Layer layer = network.getLayer(0);
    double bound = 1 / Math.sqrt(2.0 * frequencies);

    for (String name : List.of(PeriodicEmbeddingLayer.WEIGHTS, PeriodicEmbeddingLayer.BIASES)) {
      assertTrue(
          layer.getParam(name).amaxNumber().doubleValue() <= bound, name + " beyond ±" + bound);
    }
  }

  @Test
  void init_actMixActivation_reluLogitAtReluBias() {
    MultiLayerNetwork network =
        TestNetworks.embedding(
            new PeriodicEmbeddingLayer.Builder()
                .actMixActivation(new ActMixLayer.Builder().reluBias(0.75).build())
                .build(),
            2,
            DataType.DOUBLE);
    INDArray logits = network.getLayer(0).getParam(ActMixLayer.LOGITS);

    int relu = ActMixLayer.DEFAULT_BASIS_FUNCTIONS.indexOf(BasisFunction.RELU);
    assertEquals(2 * PeriodicEmbeddingLayer.DEFAULT_EMBEDDING_SIZE, logits.size(0));
    assertEquals(0.75 * logits.size(0), logits.getColumn(relu).sumNumber().doubleValue(), 1e-12);
    assertEquals(0.75 * logits.size(0), logits.sumNumber().doubleValue(), 1e-12);
  }

  @Test
  void fromJson_actMixEmbedding_equalsOriginal() {
    MultiLayerConfiguration original = network().getLayerWiseConfigurations();

    assertEquals(original, MultiLayerConfiguration.fromJson(original.toJson()));
  }

  @Test
  void fromYaml_actMixEmbedding_equalsOriginal() {
    MultiLayerConfiguration original = network().getLayerWiseConfigurations();

    assertEquals(original, MultiLayerConfiguration.fromYaml(original.toYaml()));
  }

  @Test
  void restoreMultiLayerNetwork_savedEmbedding_givesSameOutputsAndTemperature() throws IOException {
    TestNetworks.useSinglePrecision();
    MultiLayerNetwork original = network();
    PeriodicEmbeddingForwardTest.mix(original, 0.3);
    INDArray input = TestNetworks.gaussian(3, 4, 5, 1.0).castTo(DataType.FLOAT);
    File file = new File(directory, "embedding.zip");

    ModelSerializer.writeModel(original, file, true);
    MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

    assertEquals(0.3, ((MixingLayer) restored.getLayer(0)).temperature(), 1e-7);
    assertArrayEquals(
        original.output(input).data().asFloat(), restored.output(input).data().asFloat(), 0f);
  }

  @Test
  void listeners_actMixEmbeddingAndActMixLayer_driveBoth() {
    MultiLayerNetwork network =
        TestNetworks.embedding(
            PeriodicEmbeddingForwardTest.actMixBuilder().build(),
            5,
            DataType.DOUBLE,
            new ActMixLayer.Builder().build());
    network.setListeners(
        new TemperatureAnnealingListener(new TemperatureSchedule(0.5, 0.5, 1)),
        new EntropyWarmupListener(new EntropyWarmupSchedule(0.2, 0)));

    network.getListeners().forEach(listener -> listener.onEpochStart(network));

    List<MixingLayer> layers = ActMixLayers.of(network);
    assertEquals(List.of(0, 2), layers.stream().map(MixingLayer::getIndex).toList());
    for (MixingLayer layer : layers) {
      assertEquals(0.5, layer.temperature(), 0.0);
      assertEquals(0.1, layer.entropyWeight(), 1e-15);
    }
  }

  @Test
  void mixing_actMixEmbedding_oneRowPerEmbeddingUnit() {
    LayerMixing mixing = ActMixLayers.mixing(network()).get(0);

    assertEquals(3 * 2, mixing.neurons());
  }

  private static MultiLayerNetwork network() {
    return PeriodicEmbeddingForwardTest.network(
        PeriodicEmbeddingForwardTest.actMixBuilder().build(), DataType.FLOAT);
  }

  private static void assertFails(Executable build, String message) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, build);
    assertEquals(message, error.getMessage());
  }
}
