package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The listeners drive T and λ from their schedules during {@code fit}; without them, nothing. */
class ListenerTest {

  /** Exact decimals from the schedule table; the formula rounds once. */
  private static final double TOLERANCE = 1e-15;

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @Test
  void fit_withoutListeners_keepsConfiguredTemperatureAndEntropyWeight() {
    MultiLayerNetwork network =
        network(new ActMixLayer.Builder().temperature(0.7).entropyWeight(0.02));

    network.fit(data(), 3);

    for (ActMixRuntimeLayer layer : TestNetworks.actMixLayers(network)) {
      assertEquals(0.7, layer.temperature());
      assertEquals(0.02, layer.entropyWeight());
    }
  }

  @ParameterizedTest(name = "epoch {0}: T = {1}, λ = {2}")
  @CsvSource({
    "0, 1.0, 0.0", // start
    "25, 0.835, 0.005", // mid warm-up
    "50, 0.67, 0.01", // end of warm-up
    "75, 0.505, 0.01", // mid-anneal
    "150, 0.01, 0.01", // end of anneal
    "400, 0.01, 0.01" // past the end
  })
  void fit_defaultListenersAtEpoch_setScheduledTemperatureAndSplitLambda(
      int epoch, double temperature, double lambda) {
    MultiLayerNetwork network = network(new ActMixLayer.Builder());
    network.setListeners(new TemperatureAnnealingListener(), new EntropyWarmupListener());
    network.setEpochCount(epoch);

    network.fit(data());

    for (ActMixRuntimeLayer layer : TestNetworks.actMixLayers(network)) {
      assertEquals(temperature, layer.temperature(), TOLERANCE, "T of layer " + layer.getIndex());
      assertEquals(lambda / 2, layer.entropyWeight(), TOLERANCE, "λ of layer " + layer.getIndex());
    }
  }

  @Test
  void fit_computationGraphWithListeners_setsScheduledTemperature() {
    ComputationGraph graph =
        new ComputationGraph(
            new NeuralNetConfiguration.Builder()
                .seed(TestNetworks.SEED)
                .dataType(DataType.DOUBLE)
                .updater(new Sgd(0.01))
                .graphBuilder()
                .addInputs("in")
                .addLayer(
                    "dense",
                    new DenseLayer.Builder().nOut(4).activation(Activation.IDENTITY).build(),
                    "in")
                .addLayer("mix", new ActMixLayer.Builder().build(), "dense")
                .addLayer(
                    "out",
                    new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nOut(1)
                        .activation(Activation.IDENTITY)
                        .build(),
                    "mix")
                .setOutputs("out")
                .setInputTypes(InputType.feedForward(3))
                .build());
    graph.init();
    graph.setListeners(new TemperatureAnnealingListener(), new EntropyWarmupListener());
    graph.getConfiguration().setEpochCount(75);

    graph.fit(data());

    ActMixRuntimeLayer layer = TestNetworks.actMixLayers(graph).get(0);
    assertEquals(0.505, layer.temperature(), TOLERANCE);
    assertEquals(0.01, layer.entropyWeight(), TOLERANCE);
  }

  @Test
  void onEpochStart_networkWithoutActMix_failsNamingTheListener() {
    MultiLayerNetwork relu = TestNetworks.denseRelu(3, 4, 1, new Sgd(0.01), DataType.DOUBLE);
    TemperatureAnnealingListener listener = new TemperatureAnnealingListener();

    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> listener.onEpochStart(relu));

    assertEquals(
        "TemperatureAnnealingListener: the network has no ActMixLayer; add one, or leave out the"
            + " ActMix listeners for networks without it",
        error.getMessage());
  }

  private static MultiLayerNetwork network(ActMixLayer.Builder actMix) {
    return TestNetworks.regression(3, 4, 2, actMix::build, new Sgd(0.01), DataType.DOUBLE);
  }

  private static ViewIterator data() {
    return new ViewIterator(
        new DataSet(TestNetworks.gaussian(1, 8, 3, 1.0), TestNetworks.gaussian(2, 8, 1, 1.0)), 4);
  }
}
