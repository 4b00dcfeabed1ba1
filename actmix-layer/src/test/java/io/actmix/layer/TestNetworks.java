package io.actmix.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small regression networks for the layer's tests: input → (Dense → activation)* → Dense(1). */
final class TestNetworks {

  static final long SEED = 1192;

  private TestNetworks() {}

  /** The ActMix layers of {@code model} ({@link ActMixLayers#of}), as their runtime class. */
  static List<ActMixRuntimeLayer> actMixLayers(org.deeplearning4j.nn.api.Model model) {
    return ActMixLayers.of(model).stream().map(ActMixRuntimeLayer.class::cast).toList();
  }

  /** Double precision everywhere, as gradient checks and formula comparisons need. */
  static void useDoublePrecision() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  /** Float32, as training runs. */
  static void useSinglePrecision() {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
  }

  /** A [rows, cols] double matrix of N(0, scale²) draws from a seeded {@link java.util.Random}. */
  static INDArray gaussian(long seed, int rows, int cols, double scale) {
    java.util.Random random = new java.util.Random(seed);
    double[][] values = new double[rows][cols];
    for (double[] row : values) {
      for (int c = 0; c < cols; c++) {
        row[c] = scale * random.nextGaussian();
      }
    }
    return Nd4j.create(values);
  }

  /** Dense(identity) → ActMix blocks, a NoOp updater and double precision: for gradient checks. */
  static MultiLayerNetwork actMix(int nIn, int hidden, int blocks, Supplier<ActMixLayer> actMix) {
    return regression(nIn, hidden, blocks, () -> actMix.get(), new NoOp(), DataType.DOUBLE);
  }

  /** The ReLU twin of an ActMix network: {@code blocks} × Dense(ReLU) → Dense(identity, MSE). */
  static MultiLayerNetwork denseRelu(
      int nIn, int hidden, int blocks, IUpdater updater, DataType dataType) {
    return build(nIn, hidden, blocks, Activation.RELU, null, updater, dataType, List.of());
  }

  /**
   * A regression network: {@code blocks} × (Dense(identity) → activation layer) → Dense(identity,
   * MSE) with one output.
   */
  static MultiLayerNetwork regression(
      int nIn,
      int hidden,
      int blocks,
      Supplier<Layer> activation,
      IUpdater updater,
      DataType dataType) {
    return regression(nIn, hidden, blocks, activation, updater, dataType, List.of());
  }

  /** {@link #regression} with {@code regularization} on every weight and bias parameter. */
  static MultiLayerNetwork regression(
      int nIn,
      int hidden,
      int blocks,
      Supplier<Layer> activation,
      IUpdater updater,
      DataType dataType,
      List<Regularization> regularization) {
    return build(
        nIn, hidden, blocks, Activation.IDENTITY, activation, updater, dataType, regularization);
  }

  /**
   * {@code embedding} → Dense(3, tanh) → Dense(identity, MSE) with one output, a NoOp updater: for
   * the embedding's gradient checks and formula comparisons. Later layers come from {@code more},
   * inserted before the output layer.
   */
  static MultiLayerNetwork embedding(
      PeriodicEmbeddingLayer embedding, int nIn, DataType dataType, Layer... more) {
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .seed(SEED)
            .dataType(dataType)
            .updater(new NoOp())
            .weightInit(WeightInit.XAVIER)
            .list()
            .layer(embedding)
            .layer(new DenseLayer.Builder().nOut(3).activation(Activation.TANH).build());
    for (Layer layer : more) {
      list.layer(layer);
    }
    list.layer(
        new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
            .nOut(1)
            .activation(Activation.IDENTITY)
            .build());
    MultiLayerNetwork network =
        new MultiLayerNetwork(list.setInputType(InputType.feedForward(nIn)).build());
    network.init();
    return network;
  }

  private static MultiLayerNetwork build(
      int nIn,
      int hidden,
      int blocks,
      Activation denseActivation,
      Supplier<Layer> activationLayer,
      IUpdater updater,
      DataType dataType,
      List<Regularization> regularization) {
    NeuralNetConfiguration.Builder builder =
        new NeuralNetConfiguration.Builder()
            .seed(SEED)
            .dataType(dataType)
            .updater(updater)
            .weightInit(WeightInit.XAVIER);
    if (!regularization.isEmpty()) {
      builder
          .regularization(new ArrayList<>(regularization))
          .regularizationBias(new ArrayList<>(regularization));
    }
    NeuralNetConfiguration.ListBuilder list = builder.list();
    for (int block = 0; block < blocks; block++) {
      list.layer(new DenseLayer.Builder().nOut(hidden).activation(denseActivation).build());
      if (activationLayer != null) {
        list.layer(activationLayer.get());
      }
    }
    list.layer(
        new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
            .nOut(1)
            .activation(Activation.IDENTITY)
            .build());
    MultiLayerConfiguration conf = list.setInputType(InputType.feedForward(nIn)).build();
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init();
    return network;
  }
}
