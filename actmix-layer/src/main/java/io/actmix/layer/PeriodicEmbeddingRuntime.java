package io.actmix.layer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The runtime layer of a {@link PeriodicEmbeddingLayer} with a ReLU activation; {@link Mixing} is
 * the one with an ActMix activation. Both passes run on JVM arrays: the numeric columns' embedding
 * in {@link PeriodicKernel}, the activation here (ReLU) or in {@link MixtureKernel} (ActMix), and
 * the passed-through columns are copied. With {@code U = F·d} embedding units and {@code h =
 * act(z)}:
 *
 * <pre>
 *   out_r           = [h_r1 … h_rU, x_r,p1 … x_r,pP]           (p: the passed-through columns)
 *   ∂L/∂x_r,p       = ε_r,U+p                                  ∂L/∂z = act'(z) · ε_r,1…U
 * </pre>
 *
 * <p>A training forward pass keeps what the backward pass of the same input needs (DL4J runs them
 * back to back); a backward pass on any other input recomputes it first. Parameters' gradients are
 * written into DL4J's gradient views; the regularization score is reported (the SameDiff runtime it
 * extends reports 0).
 */
class PeriodicEmbeddingRuntime extends SameDiffLayer {

  private static final long serialVersionUID = 1L;

  /** Created on first use. */
  private transient Buffers buffers;

  /** The input the kernels keep a forward pass of, or null. Compared by identity. */
  private transient INDArray keptInput;

  /** Created by {@link PeriodicEmbeddingLayer#instantiate}. */
  PeriodicEmbeddingRuntime(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public PeriodicEmbeddingLayer layerConf() {
    return (PeriodicEmbeddingLayer) conf.getLayer();
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    int rows = Math.toIntExact(input.size(0));
    int columns = Math.toIntExact(input.size(1));
    checkSize(rows, columns);
    Buffers host = buffers();
    forward(host, rows, columns, training);
    int units = layerConf().embeddingUnits();
    int[] passed = host.passThrough;
    int width = units + passed.length;
    double[] x = host.input.values();
    double[] h = host.activation.values();
    double[] out = host.output.reserve((long) rows * width);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(h, r * units, out, r * width, units);
      for (int p = 0; p < passed.length; p++) {
        out[r * width + units + p] = x[r * columns + passed[p]];
      }
    }
    INDArray result =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS, input.dataType(), new long[] {rows, width}, 'c');
    host.output.store(result);
    return result;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    int rows = Math.toIntExact(input.size(0));
    int columns = Math.toIntExact(input.size(1));
    checkSize(rows, columns);
    Buffers host = buffers();
    if (keptInput != input || !host.periodic.keeps(rows) || !keepsActivation(host, rows)) {
      forward(host, rows, columns, true);
    }
    int units = layerConf().embeddingUnits();
    int[] passed = host.passThrough;
    int width = units + passed.length;
    double[] eps = host.epsilon.load(epsilon);
    double[] epsUnits = host.unitEpsilon.reserve((long) rows * units);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(eps, r * width, epsUnits, r * units, units);
    }
    double[] delta = host.delta.reserve((long) rows * units);
    backpropActivation(host, epsUnits, rows, units, delta);

    PeriodicEmbeddingLayer config = layerConf();
    int features = config.numericFeatures();
    double[] frequencyGradient =
        host.frequencyGradient.reserve((long) features * config.getFrequencies());
    double[] biasGradient = host.biasGradient.reserve(units);
    double[] numericGradient = host.numericGradient.reserve((long) rows * features);
    host.periodic.backward(
        delta,
        rows,
        host.frequencies.values(),
        getParam(PeriodicEmbeddingLayer.WEIGHTS),
        frequencyGradient,
        gradTable.get(PeriodicEmbeddingLayer.WEIGHTS),
        biasGradient,
        numericGradient);
    host.frequencyGradient.store(gradTable.get(PeriodicEmbeddingLayer.FREQUENCIES));
    host.biasGradient.store(gradTable.get(PeriodicEmbeddingLayer.BIASES));

    int[] numeric = host.numeric;
    double[] below = host.inputGradient.reserve((long) rows * columns);
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < features; f++) {
        below[r * columns + numeric[f]] = numericGradient[r * features + f];
      }
      for (int p = 0; p < passed.length; p++) {
        below[r * columns + passed[p]] = eps[r * width + units + p];
      }
    }
    INDArray epsilonBelow =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
    host.inputGradient.store(epsilonBelow);
    Gradient gradient = new DefaultGradient();
    for (String name : paramTable().keySet()) {
      gradient.gradientForVariable().put(name, gradTable.get(name));
    }
    return new Pair<>(gradient, epsilonBelow);
  }

  /**
   * {@code z} of the current input into {@code host.preActivation}, and its activation into {@code
   * host.activation}; keeps what the backward pass needs when {@code training}.
   */
  private void forward(Buffers host, int rows, int columns, boolean training) {
    PeriodicEmbeddingLayer config = layerConf();
    int units = config.embeddingUnits();
    double[] x = host.input.load(input);
    double[] z = host.preActivation.reserve((long) rows * units);
    host.periodic.forward(
        x,
        rows,
        columns,
        host.frequencies.load(getParam(PeriodicEmbeddingLayer.FREQUENCIES)),
        getParam(PeriodicEmbeddingLayer.WEIGHTS),
        host.biases.load(getParam(PeriodicEmbeddingLayer.BIASES)),
        z,
        Precision.of(input.dataType()));
    activate(host, z, rows, units, host.activation.reserve((long) rows * units), training);
    keptInput = training ? input : null;
  }

  /**
   * {@code h = max(0, z)}. Overridden by the ActMix activation.
   *
   * @param keep whether the backward pass of this input follows
   */
  void activate(Buffers host, double[] z, int rows, int units, double[] h, boolean keep) {
    int length = rows * units;
    for (int i = 0; i < length; i++) {
      h[i] = Math.max(z[i], 0.0);
    }
  }

  /** Whether the activation kept the forward pass of {@code rows} rows; ReLU reads {@code z}. */
  boolean keepsActivation(Buffers host, int rows) {
    return true;
  }

  /**
   * {@code δ = ∂L/∂z} from {@code ε = ∂L/∂h}: for ReLU {@code ε · [z > 0]}. Overridden by the
   * ActMix activation, which also writes its logits' gradient.
   */
  void backpropActivation(Buffers host, double[] eps, int rows, int units, double[] delta) {
    double[] z = host.preActivation.values();
    int length = rows * units;
    for (int i = 0; i < length; i++) {
      delta[i] = z[i] > 0 ? eps[i] : 0.0;
    }
  }

  /**
   * The configured regularizations' scores of the parameters (weight decay, L1, L2 on the weights,
   * biases and ActMix logits; none on the frequencies and the state).
   */
  @Override
  public double calcRegularizationScore(boolean backpropParamsOnly) {
    return MixingState.configuredScore(
        paramTable(),
        layerConf()::getRegularizationByParam,
        (regularization, param, values) ->
            regularization.score(values, getIterationCount(), getEpochCount()));
  }

  @Override
  public void clear() {
    super.clear();
    keptInput = null;
  }

  /** Rejects a minibatch too large for a Java array, before any copy is attempted. */
  private void checkSize(int rows, int columns) {
    long widest = Math.max(columns, layerConf().outputSize(columns));
    long periodicValues =
        2L * layerConf().numericFeatures() * layerConf().getFrequencies(); // per row
    ActMixDirectLayer.checkSize(this::where, rows, Math.max(widest, periodicValues));
  }

  /** {@code "PeriodicEmbeddingLayer(layer i)"}, for messages. */
  String where() {
    return "PeriodicEmbeddingLayer(layer " + getIndex() + ")";
  }

  Buffers buffers() {
    if (buffers == null) {
      PeriodicEmbeddingLayer config = layerConf();
      buffers =
          new Buffers(
              new PeriodicKernel(
                  config.numericColumnIndices(),
                  config.getFrequencies(),
                  config.getEmbeddingSize()),
              config.numericColumnIndices(),
              config.passThroughColumns());
    }
    return buffers;
  }

  /** The kernel, the column maps, and the JVM copies of the arrays a pass reads and writes. */
  static final class Buffers {
    final PeriodicKernel periodic;
    final int[] numeric;
    final int[] passThrough;
    final HostBuffer input = new HostBuffer();
    final HostBuffer frequencies = new HostBuffer();
    final HostBuffer biases = new HostBuffer();
    final HostBuffer preActivation = new HostBuffer();
    final HostBuffer activation = new HostBuffer();
    final HostBuffer output = new HostBuffer();
    final HostBuffer epsilon = new HostBuffer();
    final HostBuffer unitEpsilon = new HostBuffer();
    final HostBuffer delta = new HostBuffer();
    final HostBuffer frequencyGradient = new HostBuffer();
    final HostBuffer biasGradient = new HostBuffer();
    final HostBuffer numericGradient = new HostBuffer();
    final HostBuffer inputGradient = new HostBuffer();
    final HostBuffer logitsGradient = new HostBuffer();
    MixtureKernel mixture;

    Buffers(PeriodicKernel periodic, int[] numeric, int[] passThrough) {
      this.periodic = periodic;
      this.numeric = numeric;
      this.passThrough = passThrough;
    }
  }

  /**
   * The runtime layer of an embedding with an ActMix activation: {@code h_u = Σ_k α_uk φ_k(z_u)}
   * per embedding unit {@code u}, computed by {@link MixtureKernel} as {@link ActMixLayer}'s DIRECT
   * implementation computes it per neuron, with the logits' gradient, the frozen state and the
   * entropy term of a {@link MixingState}. The listeners drive it as they drive an ActMix layer.
   */
  static final class Mixing extends PeriodicEmbeddingRuntime implements MixingLayer {

    private static final long serialVersionUID = 1L;

    /** Created on first use. */
    private transient MixingState mixingState;

    Mixing(NeuralNetConfiguration conf, DataType dataType) {
      super(conf, dataType);
    }

    @Override
    void activate(Buffers host, double[] z, int rows, int units, double[] h, boolean keep) {
      mixture(host)
          .forward(
              z,
              rows,
              units,
              mixingState().math().alpha(),
              h,
              Precision.of(input.dataType()),
              keep);
    }

    @Override
    boolean keepsActivation(Buffers host, int rows) {
      return mixture(host).keeps((long) rows * layerConf().embeddingUnits());
    }

    @Override
    void backpropActivation(Buffers host, double[] eps, int rows, int units, double[] delta) {
      int bases = layerConf().getBasisFunctions().size();
      double[] basisGradient = new double[units * bases];
      mixture(host).backward(eps, rows, units, delta, basisGradient);
      double[] logitsGradient = host.logitsGradient.reserve((long) units * bases);
      mixingState().logitsGradient(mixingState().math(), basisGradient, rows, logitsGradient);
      host.logitsGradient.store(gradTable.get(ActMixLayer.LOGITS));
      MixingState.zeroStateGradient(gradTable.get(ActMixLayer.STATE));
    }

    /** The configured regularizations' scores, plus the entropy term {@code λ_l · H̄}. */
    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
      return mixingState()
          .regularizationScore(
              paramTable(),
              layerConf()::getRegularizationByParam,
              getIterationCount(),
              getEpochCount());
    }

    private MixtureKernel mixture(Buffers host) {
      if (host.mixture == null) {
        host.mixture = new MixtureKernel(layerConf().getBasisFunctions(), layerConf().getOmega0());
      }
      return host.mixture;
    }

    private MixingState mixingState() {
      if (mixingState == null) {
        mixingState =
            new MixingState(
                this,
                "PeriodicEmbeddingLayer",
                layerConf().getBasisFunctions(),
                layerConf().getOmega0());
      }
      return mixingState;
    }

    @Override
    public double temperature() {
      return mixingState().temperature();
    }

    @Override
    public void setTemperature(double temperature) {
      mixingState().setTemperature(temperature);
    }

    @Override
    public double entropyWeight() {
      return mixingState().entropyWeight();
    }

    @Override
    public void setEntropyWeight(double entropyWeight) {
      mixingState().setEntropyWeight(entropyWeight);
    }

    @Override
    public double meanEntropy() {
      return mixingState().meanEntropy();
    }

    @Override
    public LayerMixing mixing() {
      return mixingState().mixing();
    }
  }
}
