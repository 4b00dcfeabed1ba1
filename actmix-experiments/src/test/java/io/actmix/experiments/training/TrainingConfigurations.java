package io.actmix.experiments.training;

import io.actmix.experiments.models.NeuronPReLULayer;
import io.actmix.layer.ActMixLayer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small networks of every parameter kind the training stand-ins handle, for their tests. */
final class TrainingConfigurations {

  private TrainingConfigurations() {}

  /**
   * Three inputs → dense(6, identity) → ActMix → dense(5, identity) → PReLU → one output (MSE):
   * weights, biases, mixing logits, the ActMix state and PReLU slopes; decoupled weight decay on
   * all of them but the state, and L2 on top when {@code l2 > 0} (DL4J then drops the decay).
   */
  static MultiLayerConfiguration mixed(
      DataType type, IUpdater updater, double weightDecay, double l2) {
    NeuralNetConfiguration.Builder builder =
        new NeuralNetConfiguration.Builder()
            .seed(5)
            .dataType(type)
            .updater(updater)
            .weightDecay(weightDecay, true)
            .weightDecayBias(weightDecay, true);
    if (l2 > 0) {
      builder.l2(l2);
    }
    return builder
        .list()
        .layer(new DenseLayer.Builder().nOut(6).activation(Activation.IDENTITY).build())
        .layer(new ActMixLayer.Builder().build())
        .layer(new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build())
        .layer(new NeuronPReLULayer(5, 0.25))
        .layer(
            new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nOut(1)
                .activation(Activation.IDENTITY)
                .build())
        .setInputType(InputType.feedForward(3))
        .build();
  }
}
