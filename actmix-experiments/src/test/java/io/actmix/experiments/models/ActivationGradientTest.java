package io.actmix.experiments.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.apache.commons.math3.special.Erf;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The exact GELU and the per-neuron PReLU: values and gradients in double precision. */
class ActivationGradientTest {

  @BeforeAll
  static void doublePrecision() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  @Test
  void getActivation_exactGelu_isXTimesNormalCdf() {
    double[] x = {-3, -1, -0.5, 0, 0.5, 1, 3};

    INDArray out = new ExactGelu().getActivation(Nd4j.createFromArray(x), false);

    double[] expected = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      expected[i] = 0.5 * x[i] * (1 + Erf.erf(x[i] / Math.sqrt(2)));
    }
    // ND4J's double erf against Commons Math's: both near machine precision.
    assertArrayEquals(expected, out.toDoubleVector(), 1e-12);
  }

  @Test
  void checkGradients_exactGelu_matchesFiniteDifferences() {
    MultiLayerNetwork network =
        network(() -> new ActivationLayer.Builder().activation(new ExactGelu()).build(), 4);

    assertTrue(check(network, 6));
  }

  /** 32 rows: DL4J's own PReLU backward pass refuses more than 16 rows of 4 neurons. */
  @Test
  void checkGradients_neuronPReLUBatchOf32_matchesFiniteDifferences() {
    MultiLayerNetwork network = network(() -> new NeuronPReLULayer(4, 0.25), 4);

    assertTrue(check(network, 32));
  }

  /**
   * Dense(identity, {@code hidden}) → {@code activation} → Dense(1, MSE), 3 inputs, double, NoOp.
   */
  static MultiLayerNetwork network(Supplier<Layer> activation, int hidden) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(11)
                .dataType(DataType.DOUBLE)
                .updater(new NoOp())
                .list()
                .layer(
                    new DenseLayer.Builder().nOut(hidden).activation(Activation.IDENTITY).build())
                .layer(activation.get())
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

  private static boolean check(MultiLayerNetwork network, int rows) {
    java.util.Random random = new java.util.Random(5);
    double[][] x = new double[rows][3];
    double[][] y = new double[rows][1];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = random.nextGaussian();
      }
      y[i][0] = random.nextGaussian();
    }
    return GradientCheckUtil.checkGradients(
        new GradientCheckUtil.MLNConfig()
            .net(network)
            .input(Nd4j.create(x))
            .labels(Nd4j.create(y))
            .epsilon(1e-6)
            .maxRelError(1e-3)
            .minAbsoluteError(1e-8)
            .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
  }
}
