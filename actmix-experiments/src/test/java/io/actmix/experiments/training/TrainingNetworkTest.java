package io.actmix.experiments.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A {@link TrainingNetwork} computes what DL4J's network computes: the regularization score summed
 * on the JVM (weight decay on dense, ActMix, PReLU and output parameters), and the gradient with
 * its dense layers' backward pass reusing the forward pass (identity and ReLU activations).
 */
class TrainingNetworkTest {

  private static MultiLayerConfiguration configuration(double weightDecay, double l2) {
    return TrainingConfigurations.mixed(DataType.DOUBLE, new Adam(1e-3), weightDecay, l2);
  }

  private static double[] scores(MultiLayerConfiguration configuration) {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    MultiLayerNetwork reference = new MultiLayerNetwork(configuration.clone());
    reference.init();
    MultiLayerNetwork network = new TrainingNetwork(configuration.clone());
    network.init(reference.params().dup(), true);
    return new double[] {
      reference.calcRegularizationScore(true), network.calcRegularizationScore(true)
    };
  }

  private static MultiLayerConfiguration reluConfiguration() {
    return reluConfiguration(DataType.DOUBLE);
  }

  private static MultiLayerConfiguration reluConfiguration(DataType type) {
    return new NeuralNetConfiguration.Builder()
        .seed(13)
        .dataType(type)
        .updater(new Adam(1e-3))
        .list()
        .layer(new DenseLayer.Builder().nOut(7).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nOut(4).activation(Activation.RELU).build())
        .layer(
            new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(2)
                .activation(Activation.SOFTMAX)
                .build())
        .setInputType(InputType.feedForward(3))
        .build();
  }

  /**
   * DL4J's network and the training network on the same rows in training mode: their gradients and
   * their scores.
   */
  private record Step(INDArray gradient, double score) {}

  /** DL4J's step ([0]) and the training network's ([1]). */
  private static Step[] steps(MultiLayerConfiguration configuration, int outputs) {
    return steps(configuration, outputs, DataType.DOUBLE);
  }

  private static Step[] steps(MultiLayerConfiguration configuration, int outputs, DataType type) {
    Nd4j.setDefaultDataTypes(type, type);
    MultiLayerNetwork reference = new MultiLayerNetwork(configuration.clone());
    reference.init();
    MultiLayerNetwork network = new TrainingNetwork(configuration.clone());
    network.init(reference.params().dup(), true);
    INDArray features = Nd4j.linspace(-3, 3, 24 * 3, type).reshape(24, 3);
    INDArray labels = Nd4j.zeros(type, 24, outputs);
    for (int row = 0; row < 24; row++) {
      labels.putScalar(row, row % outputs, outputs == 1 ? 0.5 * row : 1);
    }
    Step[] steps = new Step[2];
    int i = 0;
    for (MultiLayerNetwork each : new MultiLayerNetwork[] {reference, network}) {
      each.setInput(features);
      each.setLabels(labels);
      each.computeGradientAndScore();
      steps[i++] = new Step(each.gradient().gradient().dup(), each.score());
    }
    return steps;
  }

  private static double maxDifference(Step[] steps) {
    return steps[0].gradient().sub(steps[1].gradient()).amaxNumber().doubleValue();
  }

  private static double largest(Step step) {
    return step.gradient().amaxNumber().doubleValue();
  }

  @Test
  void init_denseAndOutputLayers_replaced() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    MultiLayerNetwork network = new TrainingNetwork(reluConfiguration());
    network.init();

    assertInstanceOf(TrainingDenseLayer.class, network.getLayer(0));
    assertInstanceOf(TrainingDenseLayer.class, network.getLayer(1));
    assertInstanceOf(TrainingOutputLayer.class, network.getLayer(2));
  }

  // Double precision throughout; the output layer's sums run in another order than DL4J's
  // products, so the gradients agree to rounding (1e-12 of the largest), not to the bit.

  @Test
  void computeGradientAndScore_regressionThroughActMixAndPRelu_gradientEqualsDl4j() {
    Step[] steps = steps(configuration(0.3, 0), 1);

    assertEquals(0, maxDifference(steps), largest(steps[0]) * 1e-12);
  }

  @Test
  void computeGradientAndScore_regressionThroughActMixAndPRelu_scoreEqualsDl4j() {
    Step[] steps = steps(configuration(0.3, 0), 1);

    assertEquals(steps[0].score(), steps[1].score(), steps[0].score() * 1e-12);
  }

  @Test
  void computeGradientAndScore_classificationThroughRelu_gradientEqualsDl4j() {
    Step[] steps = steps(reluConfiguration(), 2);

    assertEquals(0, maxDifference(steps), largest(steps[0]) * 1e-12);
  }

  /**
   * Float32: the dense layers' bias sums and ReLU on the JVM round as ND4J's float ops do, up to
   * the order of sums of 24 rows (a few float32 ulp of the largest gradient: 1e-5 of it).
   */
  @Test
  void computeGradientAndScore_float32ThroughRelu_gradientEqualsDl4jToFloatRounding() {
    Step[] steps = steps(reluConfiguration(DataType.FLOAT), 2, DataType.FLOAT);

    assertEquals(0, maxDifference(steps), largest(steps[0]) * 1e-5);
  }

  @Test
  void computeGradientAndScore_classificationThroughRelu_scoreEqualsDl4j() {
    Step[] steps = steps(reluConfiguration(), 2);

    assertEquals(steps[0].score(), steps[1].score(), steps[0].score() * 1e-12);
  }

  @Test
  void calcRegularizationScore_weightDecay_equalsDl4jScore() {
    double[] scores = scores(configuration(0.3, 0));

    // The same sum of squares in double precision, accumulated in another order.
    assertEquals(scores[0], scores[1], Math.abs(scores[0]) * 1e-12);
  }

  @Test
  void calcRegularizationScore_l2InsteadOfWeightDecay_equalsDl4jScore() {
    double[] scores = scores(configuration(0.3, 0.7));

    assertEquals(scores[0], scores[1], Math.abs(scores[0]) * 1e-12);
  }

  @Test
  void calcRegularizationScore_noRegularization_isZero() {
    assertEquals(0.0, scores(configuration(0, 0))[1], 0.0);
  }
}
