package io.actmix.experiments.models;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.PReLU;
import org.deeplearning4j.nn.params.PReLUParamInitializer;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's {@link PReLULayer} with one slope per neuron for feed-forward input, and a backward pass
 * that works at any batch size.
 *
 * <p>DL4J 1.0.0-M2.1's native {@code prelu_bp} op refuses an input longer than 16 times its slope
 * array ("the length of input array should be no more than SD_MAX_RANK*2 times the alpha array
 * length"), so a batch of more than 16 rows fails. The backward pass here is written out:
 *
 * <pre>
 *   f(z)  = z if z &gt; 0, a·z otherwise
 *   ∂L/∂z = ε · (1 if z &gt; 0, a otherwise)        ∂L/∂a = Σ_batch ε · min(z, 0)
 * </pre>
 */
public class NeuronPReLULayer extends PReLULayer {

  private static final long serialVersionUID = 1L;

  /** For JSON deserialization. */
  public NeuronPReLULayer() {}

  /**
   * @param neurons the number of neurons, one slope each
   * @param initialSlope every slope's initial value (PyTorch's default is 0.25)
   */
  public NeuronPReLULayer(long neurons, double initialSlope) {
    setInputShape(new long[] {neurons});
    setWeightInitFn(new WeightInitConstant(initialSlope));
  }

  @Override
  public Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams,
      DataType networkDataType) {
    Runtime layer = new Runtime(conf, networkDataType);
    layer.setListeners(trainingListeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(layerParamsView);
    Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
    layer.setParamTable(params);
    layer.setConf(conf);
    return layer;
  }

  /** The runtime layer: DL4J's forward pass, the backward pass written out. */
  static final class Runtime extends PReLU {

    private static final long serialVersionUID = 1L;

    Runtime(NeuralNetConfiguration conf, DataType dataType) {
      super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(
        INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(true);
      INDArray slopes = getParam(PReLUParamInitializer.WEIGHT_KEY).reshape(1, input.size(1));
      INDArray positive = input.gt(0.0).castTo(input.dataType());
      INDArray derivative = positive.rsub(1.0).muliRowVector(slopes).addi(positive);
      INDArray delta = workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, epsilon.mul(derivative));
      INDArray slopeGradient = epsilon.mul(Transforms.min(input, 0.0, true)).sum(0);
      INDArray view = gradientViews.get(PReLUParamInitializer.WEIGHT_KEY);
      view.assign(slopeGradient.reshape(view.shape()));
      Gradient gradient = new DefaultGradient();
      gradient.setGradientFor(PReLUParamInitializer.WEIGHT_KEY, view, 'c');
      return new Pair<>(gradient, backpropDropOutIfPresent(delta));
    }
  }
}
