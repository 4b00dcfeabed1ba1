package io.actmix.experiments.models;

import io.actmix.experiments.config.ModelConfig;
import io.actmix.experiments.config.TrainingConfig;
import io.actmix.experiments.data.Task;
import io.actmix.layer.ActMixLayer;
import io.actmix.layer.PeriodicEmbeddingLayer;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Builds the four compared networks (SPEC §2): per hidden size, {@code Dense → activation →
 * Dropout}, then the output layer (regression: 1 unit, identity, MSE; classification: one unit per
 * class, softmax, cross-entropy).
 *
 * <table>
 *   <caption>Hidden block by model</caption>
 *   <tr><td>mlp_actmix</td><td>Dense(identity) → ActMix → Dropout</td></tr>
 *   <tr><td>mlp_relu</td><td>Dense(ReLU) → Dropout</td></tr>
 *   <tr><td>mlp_gelu</td><td>Dense(identity) → exact GELU → Dropout</td></tr>
 *   <tr><td>mlp_prelu</td><td>Dense(identity) → PReLU (a slope per neuron, from 0.25) → Dropout</td></tr>
 * </table>
 *
 * <p>A model with an {@code embedding} ({@code mlp_relu_plr}, {@code mlp_actmix_plr}) puts a {@link
 * PeriodicEmbeddingLayer} of the numeric inputs before the same hidden blocks.
 *
 * <p>DL4J keeps the optimizer in a network's configuration, so the caller hands over the
 * learning-rate schedule the loop that trains it chose; the rest of the training settings that
 * belong here are Adam, decoupled weight decay (AdamW) on weights and biases, float32 and the seed.
 * A network's definition knows nothing of the loop that trains it.
 */
public final class NetworkFactory {

  /** PyTorch's initial PReLU slope. */
  static final double PRELU_INITIAL_SLOPE = 0.25;

  private NetworkFactory() {}

  /**
   * The configuration of {@code model} for {@code inputs} features and {@code outputs} units.
   *
   * @param learningRate Adam's learning rate per iteration and epoch
   * @param numericInputs the positions of the numeric features among the inputs: what a model's
   *     embedding embeds (the others, one-hot categories, pass through)
   */
  public static MultiLayerConfiguration configuration(
      ModelConfig model,
      TrainingConfig training,
      ISchedule learningRate,
      Task task,
      int inputs,
      List<Integer> numericInputs,
      int outputs,
      long seed) {
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.FLOAT)
            .weightInit(WeightInit.XAVIER)
            .updater(new Adam(learningRate))
            .weightDecay(training.weightDecay(), true)
            .weightDecayBias(training.weightDecay(), true)
            .list();
    if (model.embedding() != null) {
      list.layer(embedding(model, training, numericInputs));
    }
    for (int size : model.hiddenSizes()) {
      switch (model.activation()) {
        case RELU -> list.layer(dense(size, Activation.RELU));
        case GELU -> {
          list.layer(dense(size, Activation.IDENTITY));
          list.layer(new ActivationLayer.Builder().activation(new ExactGelu()).build());
        }
        case PRELU -> {
          list.layer(dense(size, Activation.IDENTITY));
          list.layer(new NeuronPReLULayer(size, PRELU_INITIAL_SLOPE));
        }
        case ACTMIX -> {
          list.layer(dense(size, Activation.IDENTITY));
          list.layer(actMix(model, training));
        }
      }
      if (model.dropout() > 0) {
        // DL4J's dropout takes the probability of keeping a unit.
        list.layer(new DropoutLayer.Builder(1.0 - model.dropout()).build());
      }
    }
    list.layer(
        task == Task.REGRESSION
            ? new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nOut(outputs)
                .activation(Activation.IDENTITY)
                .build()
            : new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(outputs)
                .activation(Activation.SOFTMAX)
                .build());
    return list.setInputType(InputType.feedForward(inputs)).build();
  }

  /** An initialised network of {@link #configuration}. */
  public static MultiLayerNetwork network(
      ModelConfig model,
      TrainingConfig training,
      ISchedule learningRate,
      Task task,
      int inputs,
      List<Integer> numericInputs,
      int outputs,
      long seed) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            configuration(
                model, training, learningRate, task, inputs, numericInputs, outputs, seed));
    network.init();
    return network;
  }

  /** An ActMix layer with the model's options, at the training's initial temperature. */
  private static ActMixLayer actMix(ModelConfig model, TrainingConfig training) {
    return new ActMixLayer.Builder()
        .basisFunctions(model.actmix().bases())
        .reluBias(model.actmix().reluBias())
        .omega0(model.actmix().omega0())
        .temperature(training.temperature().initial())
        .build();
  }

  /** The model's periodic embedding of the numeric inputs; the other inputs pass through. */
  private static PeriodicEmbeddingLayer embedding(
      ModelConfig model, TrainingConfig training, List<Integer> numericInputs) {
    ModelConfig.Embedding embedding = model.embedding();
    PeriodicEmbeddingLayer.Builder builder =
        new PeriodicEmbeddingLayer.Builder()
            .numericColumns(numericInputs)
            .frequencies(embedding.frequencies())
            .embeddingSize(embedding.size())
            .sigma(embedding.sigma());
    if (embedding.activation() == ModelConfig.Embedding.Activation.ACTMIX) {
      builder.actMixActivation(actMix(model, training));
    }
    return builder.build();
  }

  private static DenseLayer dense(int size, Activation activation) {
    return new DenseLayer.Builder().nOut(size).activation(activation).build();
  }
}
