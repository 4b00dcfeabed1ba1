package io.actmix.experiments.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Clipping the whole gradient to a global norm, measured on the minibatch mean. */
class GlobalNormClippingTest {

  private static final int ROWS = 8;
  private MultiLayerNetwork network;
  private double meanGradientNorm;

  @BeforeEach
  void gradient() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(3)
                .dataType(DataType.DOUBLE)
                .list()
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nOut(1)
                        .activation(Activation.IDENTITY)
                        .build())
                .setInputType(InputType.feedForward(3))
                .build());
    network.init();
    network.setInput(Nd4j.linspace(-2, 2, ROWS * 3, DataType.DOUBLE).reshape(ROWS, 3));
    network.setLabels(Nd4j.linspace(5, 9, ROWS, DataType.DOUBLE).reshape(ROWS, 1));
    network.computeGradientAndScore();
    meanGradientNorm = norm() / ROWS;
  }

  private double norm() {
    INDArray gradient = network.gradient().gradient();
    return gradient.norm2Number().doubleValue();
  }

  @Test
  void onGradientCalculation_normAboveLimit_scalesMeanGradientToLimit() {
    double limit = meanGradientNorm / 4;

    new GlobalNormClipping(limit).onGradientCalculation(network);

    assertEquals(limit, norm() / ROWS, limit * 1e-12);
  }

  @Test
  void onGradientCalculation_normBelowLimit_leavesGradient() {
    new GlobalNormClipping(meanGradientNorm * 2).onGradientCalculation(network);

    assertEquals(meanGradientNorm, norm() / ROWS, meanGradientNorm * 1e-12);
  }
}
