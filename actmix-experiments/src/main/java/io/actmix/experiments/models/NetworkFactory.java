package io.actmix.experiments.models;

import io.actmix.experiments.config.ModelConfig;
import io.actmix.experiments.config.TrainingConfig;
import io.actmix.experiments.data.Task;
import io.actmix.layer.ActMixLayer;
import io.actmix.layer.PeriodicEmbeddingLayer;
import java.util.ArrayList;
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
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
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
 *
 * <p>Weight decay is set on each layer, not on the global builder: DL4J 1.0.0-M2.1's {@code
 * NeuralNetConfiguration.Builder.weightDecay(λ, true)} (and {@code weightDecayBias}) puts two
 * {@code WeightDecay(λ)} entries on every dense, output and PReLU layer, which then decay at 2λ,
 * while SPEC §3 asks for λ, as PyTorch's AdamW applies it to every parameter.
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
            .list();
    if (model.embedding() != null) {
      list.layer(embedding(model, training, numericInputs));
    }
    for (int size : model.hiddenSizes()) {
      switch (model.activation()) {
        case RELU -> list.layer(dense(size, Activation.RELU, training));
        case GELU -> {
          list.layer(dense(size, Activation.IDENTITY, training));
          list.layer(new ActivationLayer.Builder().activation(new ExactGelu()).build());
        }
        case PRELU -> {
          list.layer(dense(size, Activation.IDENTITY, training));
          NeuronPReLULayer prelu = new NeuronPReLULayer(size, PRELU_INITIAL_SLOPE);
          prelu.setRegularization(weightDecay(training));
          list.layer(prelu);
        }
        case ACTMIX -> {
          list.layer(dense(size, Activation.IDENTITY, training));
          list.layer(actMix(model, training));
        }
      }
      if (model.dropout() > 0) {
        // DL4J's dropout takes the probability of keeping a unit.
        list.layer(new DropoutLayer.Builder(1.0 - model.dropout()).build());
      }
    }
    OutputLayer.Builder output =
        task == Task.REGRESSION
            ? new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY)
            : new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX);
    output.nOut(outputs);
    output.regularization(weightDecay(training));
    output.regularizationBias(weightDecay(training));
    list.layer(output.build());
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
    ActMixLayer.Builder builder =
        new ActMixLayer.Builder()
            .basisFunctions(model.actmix().bases())
            .reluBias(model.actmix().reluBias())
            .omega0(model.actmix().omega0())
            .temperature(training.temperature().initial());
    builder.regularization(weightDecay(training));
    return builder.build();
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
    builder.regularization(weightDecay(training));
    builder.regularizationBias(weightDecay(training));
    if (embedding.activation() == ModelConfig.Embedding.Activation.ACTMIX) {
      builder.actMixActivation(actMix(model, training));
    }
    return builder.build();
  }

  private static DenseLayer dense(int size, Activation activation, TrainingConfig training) {
    // DL4J's regularization setters return the base builder, hence calls of their own, here and
    // for the other layers.
    DenseLayer.Builder builder = new DenseLayer.Builder().nOut(size).activation(activation);
    builder.regularization(weightDecay(training));
    builder.regularizationBias(weightDecay(training));
    return builder.build();
  }

  /**
   * One layer's weight decay, a list of its own: decoupled (AdamW: {@code w ← w − η λ w} with the
   * scheduled learning rate η), or none when λ = 0.
   */
  private static List<Regularization> weightDecay(TrainingConfig training) {
    List<Regularization> decay = new ArrayList<>();
    if (training.weightDecay() > 0) {
      decay.add(new WeightDecay(training.weightDecay(), true));
    }
    return decay;
  }
}
