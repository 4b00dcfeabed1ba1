package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The README's example, verbatim between the markers, so that it compiles and runs. */
class ReadmeExampleTest {

  @Test
  void readmeExample_twoActMixBlocks_trainsWithListeners() {
    TestNetworks.useSinglePrecision();
    DataSet data =
        new DataSet(TestNetworks.gaussian(1, 32, 4, 1), TestNetworks.gaussian(2, 32, 1, 1));
    data.setFeatures(data.getFeatures().castTo(DataType.FLOAT));
    data.setLabels(data.getLabels().castTo(DataType.FLOAT));
    ViewIterator trainIterator = new ViewIterator(data, 16);

    // spotless:off
    // README example: begin
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
        .seed(1192).updater(new Adam(1e-3)).list()
        .layer(new DenseLayer.Builder().nOut(128).activation(Activation.IDENTITY).build())
        .layer(new ActMixLayer.Builder().build())             // sin, tanh, relu, identity
        .layer(new DenseLayer.Builder().nOut(128).activation(Activation.IDENTITY).build())
        .layer(new ActMixLayer.Builder().build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
            .nOut(1).activation(Activation.IDENTITY).build())
        .setInputType(InputType.feedForward(4))
        .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    net.setListeners(new TemperatureAnnealingListener(),  // T: 1.0 -> 0.01 over 150 epochs
                     new EntropyWarmupListener());        // λ: 0 -> 0.01 over 50 epochs
    net.fit(trainIterator, 3);
    List<LayerMixing> learned = ActMixLayers.mixing(net); // α, entropy, dominant basis per neuron
    // README example: end
    // spotless:on

    // After 3 epochs the listener set T(2); the state parameter holds it in float32.
    double expected = (float) TemperatureSchedule.defaults().valueAt(0, 2);
    assertEquals(
        List.of(expected, expected), learned.stream().map(LayerMixing::temperature).toList());
  }
}
