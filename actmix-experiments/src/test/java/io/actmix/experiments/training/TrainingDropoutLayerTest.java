package io.actmix.experiments.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Inverted dropout drawn on the JVM: elements kept with the retain probability and scaled by its
 * inverse, the same mask in the backward pass, the same masks for the same seed, none at inference;
 * the masks are those of {@link SplittableRandom}'s draws.
 */
class TrainingDropoutLayerTest {

  private static final double RETAIN = 0.8;
  private static final int ROWS = 200;
  private static final int COLUMNS = 50;

  /** A network of seed {@code seed} whose layers 1 and 3 are dropout layers. */
  private static MultiLayerNetwork network(long seed) {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    MultiLayerNetwork network =
        new TrainingNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nOut(COLUMNS).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(RETAIN).build())
                .layer(new DenseLayer.Builder().nOut(COLUMNS).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(RETAIN).build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nOut(1)
                        .activation(Activation.IDENTITY)
                        .build())
                .setInputType(InputType.feedForward(3))
                .build());
    network.init();
    return network;
  }

  private static INDArray ones() {
    return Nd4j.ones(DataType.FLOAT, ROWS, COLUMNS);
  }

  /** Layer {@code index} of {@code network} applied to ones in training mode. */
  private static INDArray dropped(MultiLayerNetwork network, int index) {
    Layer layer = network.getLayer(index);
    LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
    layer.setInput(ones(), workspaces);
    return layer.activate(true, workspaces);
  }

  @Test
  void init_dropoutLayers_replacedByTrainingDropoutLayers() {
    MultiLayerNetwork network = network(1);

    assertInstanceOf(TrainingDropoutLayer.class, network.getLayer(1));
    assertInstanceOf(TrainingDropoutLayer.class, network.getLayer(3));
  }

  @Test
  void activate_training_keepsRetainFractionScaledByItsInverse() {
    INDArray output = dropped(network(1), 1);

    float scale = (float) (1 / RETAIN);
    double kept = output.eq(scale).castTo(DataType.DOUBLE).sumNumber().doubleValue();
    double dropped = output.eq(0).castTo(DataType.DOUBLE).sumNumber().doubleValue();
    int n = ROWS * COLUMNS;
    assertEquals(n, kept + dropped, 0.0, "every element is 0 or 1/p");
    // 10,000 draws: the kept count's standard deviation is √(n p (1 − p)) = 40; allow 4 of them.
    assertEquals(RETAIN * n, kept, 4 * Math.sqrt(n * RETAIN * (1 - RETAIN)));
  }

  @Test
  void backpropGradient_afterTrainingForward_appliesTheSameMask() {
    MultiLayerNetwork network = network(1);
    INDArray output = dropped(network, 1);

    INDArray gradient =
        network.getLayer(1).backpropGradient(ones(), LayerWorkspaceMgr.noWorkspaces()).getSecond();

    assertEquals(output, gradient);
  }

  @Test
  void activate_sameSeed_drawsTheSameMasks() {
    assertEquals(dropped(network(7), 1), dropped(network(7), 1));
  }

  @Test
  void activate_otherLayer_drawsOtherMasks() {
    MultiLayerNetwork network = network(7);

    assertNotEquals(dropped(network, 1), dropped(network, 3));
  }

  @Test
  void activate_inference_passesInputThrough() {
    Layer layer = network(1).getLayer(1);
    LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
    layer.setInput(ones(), workspaces);

    assertEquals(ones(), layer.activate(false, workspaces));
  }

  /** Two masks in a row (the second continues the sequence), for retain probabilities to 1. */
  @ParameterizedTest
  @ValueSource(doubles = {0.5, RETAIN, 1.0})
  void drawMask_consecutiveMasks_equalSplittableRandomDraws(double retain) {
    long seed = -3_141_592_653L;
    SplittableRandom random = new SplittableRandom(seed);
    double[] expected = new double[1037];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = random.nextDouble() < retain ? 1 / retain : 0;
    }
    double[] mask = new double[expected.length];
    double[] rest = new double[37];

    long state = TrainingDropoutLayer.drawMask(seed, retain, 1 / retain, mask, 1000);
    TrainingDropoutLayer.drawMask(state, retain, 1 / retain, rest, 37);
    System.arraycopy(rest, 0, mask, 1000, 37);

    assertArrayEquals(expected, mask);
  }
}
