package io.actmix.experiments.training;

import io.actmix.layer.HostBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * The {@link MultiLayerNetwork} training runs on: DL4J's, built from the same configuration and
 * saved as DL4J's, with two changes for speed. Its regularization score is summed on the JVM (next
 * paragraph), and {@link #init} puts a {@link TrainingDenseLayer}, {@link TrainingOutputLayer} or
 * {@link TrainingDropoutLayer} in place of each DL4J runtime layer one can stand for, sharing its
 * configuration, parameters and gradient views.
 *
 * <p>DL4J adds to every minibatch's score, for each parameter {@code w} and each {@link
 * WeightDecay} λ on it, {@code ½ λ ‖w‖²}: one native reduction per parameter and regularization
 * each iteration (twelve for the experiments' networks), which at these sizes cost as much as a
 * layer's forward pass. Here the layers that use {@link BaseLayer}'s own {@code
 * calcRegularizationScore} and carry only weight decay are scored from one bulk copy of the
 * parameters, in double precision (dense, output and PReLU layers); every other layer (ActMix,
 * embeddings) scores itself as before. The score is the same sum: tests check it against DL4J's.
 */
// "overrides": MultiLayerNetwork itself declares doEvaluation(…, T[]) for the interface's T...
@SuppressWarnings("overrides")
public final class TrainingNetwork extends MultiLayerNetwork {

  private static final long serialVersionUID = 1L;

  private transient List<WeightDecayRange> decays;
  private transient List<Layer> selfScored;
  private final transient HostBuffer parameters = new HostBuffer();

  public TrainingNetwork(MultiLayerConfiguration configuration) {
    super(configuration);
  }

  /**
   * Initializes as DL4J does, then puts a {@link TrainingDenseLayer}, {@link TrainingOutputLayer}
   * or {@link TrainingDropoutLayer} in place of each dense, output or dropout layer it can stand
   * for.
   */
  @Override
  public void init(INDArray parameters, boolean cloneParametersArray) {
    boolean first = !initCalled;
    super.init(parameters, cloneParametersArray);
    if (!first) {
      return;
    }
    DataType dataType = getLayerWiseConfigurations().getDataType();
    for (int i = 0; i < layers.length; i++) {
      Layer replaced = layers[i];
      Layer replacement = null;
      if (TrainingDenseLayer.canReplace(replaced)) {
        replacement = TrainingDenseLayer.of(replaced, dataType);
      } else if (TrainingOutputLayer.canReplace(replaced)) {
        replacement = TrainingOutputLayer.of(replaced, dataType);
      } else if (TrainingDropoutLayer.canReplace(replaced)) {
        replacement = TrainingDropoutLayer.of(replaced, dataType, dropoutSeed(i));
      }
      if (replacement != null) {
        Layer stand = replacement;
        layers[i] = stand;
        layerMap.replaceAll((name, layer) -> layer == replaced ? stand : layer);
      }
    }
  }

  /** The seed of layer {@code index}'s dropout masks: the configuration's seed, mixed with it. */
  private long dropoutSeed(int index) {
    long seed = getLayerWiseConfigurations().getConf(index).getSeed();
    return seed * 0x9E3779B97F4A7C15L + index;
  }

  @Override
  public double calcRegularizationScore(boolean backpropParamsOnly) {
    if (decays == null) {
      plan();
    }
    double sum = 0;
    for (Layer layer : selfScored) {
      sum += layer.calcRegularizationScore(backpropParamsOnly);
    }
    if (decays.isEmpty()) {
      return sum;
    }
    double[] w = parameters.load(params());
    int iteration = getIterationCount();
    int epoch = getEpochCount();
    for (WeightDecayRange decay : decays) {
      double squares = 0;
      for (int i = decay.start(); i < decay.end(); i++) {
        squares += w[i] * w[i];
      }
      sum += 0.5 * decay.coefficient(iteration, epoch) * squares;
    }
    return sum;
  }

  /** Splits the layers into those scored here and those that score themselves. */
  private void plan() {
    List<WeightDecayRange> planned = new ArrayList<>();
    List<Layer> others = new ArrayList<>();
    long offset = 0;
    for (Layer layer : getLayers()) {
      Map<String, INDArray> table = layer.paramTable(false);
      List<WeightDecayRange> layerDecays = new ArrayList<>();
      boolean scoredHere = usesBaseLayerScore(layer);
      long start = offset;
      for (Map.Entry<String, INDArray> param :
          table == null ? Map.<String, INDArray>of().entrySet() : table.entrySet()) {
        long end = start + param.getValue().length();
        Optional<List<WeightDecayRange>> ranges =
            scoredHere
                ? WeightDecayRange.of(
                    start, end, layer.getConfig().getRegularizationByParam(param.getKey()))
                : Optional.empty();
        ranges.ifPresent(layerDecays::addAll);
        scoredHere = ranges.isPresent();
        start = end;
      }
      offset += layer.numParams();
      if (scoredHere) {
        planned.addAll(layerDecays);
      } else if (layer.numParams() > 0) {
        others.add(layer);
      }
    }
    decays = List.copyOf(planned);
    selfScored = List.copyOf(others);
  }

  /** Whether {@code layer} scores its regularization with {@link BaseLayer}'s own method. */
  private static boolean usesBaseLayerScore(Layer layer) {
    if (!(layer instanceof BaseLayer)) {
      return false;
    }
    try {
      return layer
              .getClass()
              .getMethod("calcRegularizationScore", boolean.class)
              .getDeclaringClass()
          == BaseLayer.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "Layer " + layer.getClass() + " has no calcRegularizationScore", e);
    }
  }
}
