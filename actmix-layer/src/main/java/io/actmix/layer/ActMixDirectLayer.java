package io.actmix.layer;

import java.nio.FloatBuffer;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ActMix layer computed by hand, for speed: the SameDiff runtime spends most of an iteration
 * executing its graph, not computing. The mixture runs in {@link MixtureKernel} on JVM arrays, and
 * the softmax's backward pass from the kernel's {@code g = ∂L/∂α} in {@link
 * MixingState#logitsGradient}. A float32 layer mixes in float arithmetic, reading its row-major
 * arrays in their native memory a block at a time (other layouts through float copies); any other
 * type goes through double copies.
 *
 * <p>A training forward pass keeps the basis values for the backward pass of the same input (DL4J
 * runs them back to back); a backward pass on any other input recomputes them first, so the cache
 * can make a pass faster but never different. State, entropy weight and regularization score are
 * {@link ActMixRuntimeLayer}'s.
 */
final class ActMixDirectLayer extends ActMixRuntimeLayer {

  private static final long serialVersionUID = 1L;

  /** Created on first use: the kernel and the copies of input, output, ε and δ. */
  private transient Buffers buffers;

  /** The input whose basis values the kernel keeps, or null. Compared by identity. */
  private transient INDArray keptInput;

  /**
   * The mixing of the pass that kept {@link #keptInput}: the backward pass differentiates the α
   * that pass used (DL4J changes no parameter between the two) without reading the logits again.
   */
  private transient MixingMath keptMath;

  ActMixDirectLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  /** The largest array the JVM allocates: the DIRECT passes hold a copy of the input. */
  static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    checkSize(this::where, input.size(0), input.size(1));
    Buffers host = buffers();
    int rows = Math.toIntExact(input.size(0));
    int neurons = Math.toIntExact(input.size(1));
    INDArray result =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
    forward(host, rows, neurons, mixingState().math(), training, result);
    return result;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    checkSize(this::where, input.size(0), input.size(1));
    Buffers host = buffers();
    int rows = Math.toIntExact(input.size(0));
    int neurons = Math.toIntExact(input.size(1));
    int bases = layerConf().getBasisFunctions().size();
    if (keptInput != input || !host.kernel.keeps((long) rows * neurons)) {
      forward(host, rows, neurons, mixingState().math(), true, null);
    }
    MixingMath math = keptMath;
    double[] basisGradient = host.basisGradient.reserve((long) neurons * bases);
    INDArray epsilonBelow =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
    if (isFloat()) {
      FloatBuffer delta = writableFloats(epsilonBelow, host.delta, (long) rows * neurons);
      host.kernel.backward(floats(epsilon, host.epsilon), rows, neurons, delta, basisGradient);
      if (delta.hasArray()) { // a copy, not the array's own memory
        host.delta.storeFloats(epsilonBelow);
      }
    } else {
      double[] delta = host.delta.reserve((long) rows * neurons);
      host.kernel.backward(host.epsilon.load(epsilon), rows, neurons, delta, basisGradient);
      host.delta.store(epsilonBelow);
    }

    double[] logitsGradient = host.logitsGradient.reserve((long) neurons * bases);
    mixingState().logitsGradient(math, basisGradient, rows, logitsGradient);
    host.logitsGradient.store(gradTable.get(ActMixLayer.LOGITS));
    zeroStateGradient();
    Gradient gradient = new DefaultGradient();
    gradient.gradientForVariable().put(ActMixLayer.LOGITS, gradTable.get(ActMixLayer.LOGITS));
    gradient.gradientForVariable().put(ActMixLayer.STATE, gradTable.get(ActMixLayer.STATE));
    return new Pair<>(gradient, epsilonBelow);
  }

  /**
   * Rejects a minibatch whose {@code rows × neurons} exceeds {@link #MAX_ELEMENTS}, naming the ways
   * out, before any copy is attempted.
   *
   * @param where the layer, for the message: built only when the check fails, as the passes call
   *     this every iteration
   */
  static void checkSize(Supplier<String> where, long rows, long neurons) {
    if (rows * neurons > MAX_ELEMENTS) {
      throw new IllegalArgumentException(
          where.get()
              + ": a minibatch of "
              + rows
              + " rows × "
              + neurons
              + " neurons = "
              + rows * neurons
              + " values; the DIRECT implementation handles at most "
              + MAX_ELEMENTS
              + " per pass. Use smaller minibatches, or implementation(SAMEDIFF)");
    }
  }

  @Override
  public void clear() {
    super.clear();
    keptInput = null;
    keptMath = null;
  }

  /**
   * The mixture of {@link #input} into {@code result} (or only into {@code host.output} when null),
   * keeping the basis values for the backward pass when {@code keep}. A float32 pass reads and
   * writes row-major float32 arrays in their native memory, a block at a time.
   */
  private void forward(
      Buffers host, int rows, int neurons, MixingMath math, boolean keep, INDArray result) {
    long length = (long) rows * neurons;
    double[] alpha = math.alpha();
    if (isFloat()) {
      FloatBuffer y = writableFloats(result, host.output, length);
      host.kernel.forward(floats(input, host.input), rows, neurons, alpha, y, keep);
      if (result != null && y.hasArray()) { // a copy, not the result's own memory
        host.output.storeFloats(result);
      }
    } else {
      double[] y = host.output.reserve(length);
      host.kernel.forward(
          host.input.load(input), rows, neurons, alpha, y, Precision.of(input.dataType()), keep);
      if (result != null) {
        host.output.store(result);
      }
    }
    keptInput = keep ? input : null;
    keptMath = keep ? math : null;
  }

  /**
   * A float32 array's values for a float pass: its native memory when it is row-major, else a copy
   * in {@code copy}.
   */
  private static FloatBuffer floats(INDArray array, HostBuffer copy) {
    FloatBuffer view = HostBuffer.rowMajorFloats(array);
    return view != null ? view : FloatBuffer.wrap(copy.loadFloats(array));
  }

  /**
   * Where a float pass writes {@code length} values meant for {@code target}: its native memory
   * when it is row-major, else {@code copy}'s floats (a buffer backed by an array), which the
   * caller then stores into {@code target}; {@code copy}'s floats also when {@code target} is null.
   */
  private static FloatBuffer writableFloats(INDArray target, HostBuffer copy, long length) {
    FloatBuffer view = target == null ? null : HostBuffer.rowMajorFloats(target);
    return view != null ? view : FloatBuffer.wrap(copy.reserveFloats(length));
  }

  /**
   * Whether the input is float32: its passes then run on float copies in float arithmetic; any
   * other type on double copies, in the arithmetic {@link Precision#of} names.
   */
  private boolean isFloat() {
    return input.dataType() == DataType.FLOAT;
  }

  private Buffers buffers() {
    if (buffers == null) {
      buffers =
          new Buffers(new MixtureKernel(layerConf().getBasisFunctions(), layerConf().getOmega0()));
    }
    return buffers;
  }

  /** The kernel and the JVM copies of the arrays a pass reads and writes. */
  private record Buffers(
      MixtureKernel kernel,
      HostBuffer input,
      HostBuffer output,
      HostBuffer epsilon,
      HostBuffer delta,
      HostBuffer basisGradient,
      HostBuffer logitsGradient) {

    Buffers(MixtureKernel kernel) {
      this(
          kernel,
          new HostBuffer(),
          new HostBuffer(),
          new HostBuffer(),
          new HostBuffer(),
          new HostBuffer(),
          new HostBuffer());
    }
  }
}
