package io.actmix.experiments.models;

import io.actmix.layer.HostBuffer;
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

/**
 * DL4J's {@link PReLULayer} with one slope per neuron for feed-forward input, and a backward pass
 * that works at any batch size.
 *
 * <p>DL4J 1.0.0-M2.1's native {@code prelu_bp} op refuses an input longer than 16 times its slope
 * array ("the length of input array should be no more than SD_MAX_RANK*2 times the alpha array
 * length"), so a batch of more than 16 rows fails. Both passes are written out here, on JVM arrays:
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

  /**
   * The runtime layer: both passes written out on JVM arrays, one bulk copy in and one out per
   * array, as the ActMix layer's DIRECT implementation does, instead of a dozen ND4J ops (each of
   * which costs tens of microseconds of bookkeeping at these sizes). The products are computed in
   * double precision and rounded once to the network's type, which for float32 gives the same
   * values as float32 arithmetic (a product of two floats is exact in a double); the slopes'
   * gradient is summed over the batch in double precision.
   */
  static final class Runtime extends PReLU {

    private static final long serialVersionUID = 1L;

    private final transient HostBuffer inputCopy = new HostBuffer();
    private final transient HostBuffer outputCopy = new HostBuffer();
    private final transient HostBuffer epsilonCopy = new HostBuffer();
    private final transient HostBuffer slopeCopy = new HostBuffer();
    private final transient HostBuffer slopeGradient = new HostBuffer();

    Runtime(NeuralNetConfiguration conf, DataType dataType) {
      super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(false);
      applyDropOutIfNecessary(training, workspaceMgr);
      int rows = Math.toIntExact(input.size(0));
      int neurons = Math.toIntExact(input.size(1));
      double[] z = inputCopy.load(input);
      double[] a = slopes();
      double[] out = outputCopy.reserve((long) rows * neurons);
      RowScratch row = rowScratch(neurons);
      double[] zr = row.z;
      double[] outr = row.out;
      for (int n = 0; n < rows; n++) {
        System.arraycopy(z, n * neurons, zr, 0, neurons);
        for (int j = 0; j < neurons; j++) {
          // z > 0 ? z : a·z, without a branch: one term is ±0.
          outr[j] = Math.max(zr[j], 0) + a[j] * Math.min(zr[j], 0);
        }
        System.arraycopy(outr, 0, out, n * neurons, neurons);
      }
      INDArray result =
          workspaceMgr.createUninitialized(
              ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
      outputCopy.store(result);
      return result;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(
        INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(true);
      int rows = Math.toIntExact(input.size(0));
      int neurons = Math.toIntExact(input.size(1));
      double[] z = inputCopy.load(input);
      double[] a = slopes();
      double[] eps = epsilonCopy.load(epsilon);
      double[] delta = outputCopy.reserve((long) rows * neurons);
      double[] slopeSum = slopeGradient.reserve(neurons);
      java.util.Arrays.fill(slopeSum, 0, neurons, 0.0);
      RowScratch row = rowScratch(neurons);
      double[] zr = row.z;
      double[] er = row.epsilon;
      double[] outr = row.out;
      for (int n = 0; n < rows; n++) {
        System.arraycopy(z, n * neurons, zr, 0, neurons);
        System.arraycopy(eps, n * neurons, er, 0, neurons);
        for (int j = 0; j < neurons; j++) {
          // 1 where z > 0, else 0 (also at z = 0, as ND4J's PReLU): ε there, ε·a elsewhere.
          double positive = Math.ceil(Math.min(Math.max(zr[j], 0), 1));
          outr[j] = positive * er[j] + (1 - positive) * (er[j] * a[j]);
          slopeSum[j] += er[j] * Math.min(zr[j], 0); // adds ±0 where z > 0
        }
        System.arraycopy(outr, 0, delta, n * neurons, neurons);
      }
      INDArray view = gradientViews.get(PReLUParamInitializer.WEIGHT_KEY);
      slopeGradient.store(view);
      INDArray epsilonBelow =
          workspaceMgr.createUninitialized(
              ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
      outputCopy.store(epsilonBelow);
      Gradient gradient = new DefaultGradient();
      gradient.setGradientFor(PReLUParamInitializer.WEIGHT_KEY, view, 'c');
      return new Pair<>(gradient, backpropDropOutIfPresent(epsilonBelow));
    }

    /**
     * One row of z, ε and the output, so that each loop over a row's neurons indexes all its arrays
     * alike, the form the JIT compiles to vector code: with {@code z[row + j]} beside {@code a[j]}
     * it cannot rule out that the arrays overlap, and runs the loop element by element.
     */
    private record RowScratch(double[] z, double[] epsilon, double[] out) {}

    private transient RowScratch rowScratch;

    private RowScratch rowScratch(int neurons) {
      if (rowScratch == null || rowScratch.z.length < neurons) {
        rowScratch = new RowScratch(new double[neurons], new double[neurons], new double[neurons]);
      }
      return rowScratch;
    }

    /** The slopes, one per neuron. */
    private double[] slopes() {
      return slopeCopy.load(getParam(PReLUParamInitializer.WEIGHT_KEY));
    }
  }
}
