package io.actmix.experiments.training;

import io.actmix.layer.HostBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * DL4J's output layer at training time, its backward pass and score in one pass on the JVM.
 *
 * <p>The experiments' output layers have one unit (regression: identity, mean squared error) or two
 * (classification: softmax, cross-entropy): a few thousand multiply-adds a minibatch, which DL4J
 * spreads over some fifteen native ops (the product, the bias, the loss's copies and arithmetic,
 * the gradient's products), and does the pre-activation twice, once for the gradient and once for
 * the score. Here, with {@code x} the layer's input, {@code k} its units, {@code y} the labels and
 * {@code N} the minibatch:
 *
 * <pre>
 *   z = x W + b
 *   MSE:      δ = 2 (z − y) / k,        loss = Σ (z − y)² / k
 *   softmax:  p = softmax(z), δ = p − y, loss = −Σ y · log(clip(p, ε, 1 − ε))   (DL4J's ε)
 *   ∂L/∂W = xᵀ δ,   ∂L/∂b = Σ_rows δ,   ε_prev = δ Wᵀ,   score = loss / N + regularization
 * </pre>
 *
 * <p>in double precision, each stored value rounded once to the network's type. The score of the
 * step is kept for {@link #computeScore}, which DL4J calls right after the backward pass; anything
 * else (inference, scores of other data) is DL4J's own code. Tests check gradients and score
 * against DL4J's.
 */
final class TrainingOutputLayer extends OutputLayer {

  private static final long serialVersionUID = 1L;

  private final boolean softmax;
  private final double clip;
  private final transient HostBuffer inputs = new HostBuffer();
  private final transient HostBuffer weights = new HostBuffer();
  private final transient HostBuffer bias = new HostBuffer();
  private final transient HostBuffer targets = new HostBuffer();
  private final transient HostBuffer delta = new HostBuffer();
  private final transient HostBuffer weightGradient = new HostBuffer();
  private final transient HostBuffer biasGradient = new HostBuffer();
  private final transient HostBuffer epsilonBelow = new HostBuffer();
  private transient double pendingLoss = Double.NaN;

  private TrainingOutputLayer(OutputLayer layer, DataType dataType) {
    super(layer.conf(), dataType);
    StandIns.adopt(layer, this);
    ILossFunction loss = layerConf().getLossFn();
    this.softmax = loss instanceof LossMCXENT;
    this.clip = softmax ? ((LossMCXENT) loss).getSoftmaxClipEps() : 0;
  }

  /**
   * Whether {@code layer} is a DL4J output layer computed alike here: identity with mean squared
   * error, or softmax with unweighted cross-entropy; a bias, no dropout or weight noise of its own.
   */
  static boolean canReplace(Layer layer) {
    if (layer.getClass() != OutputLayer.class) {
      return false;
    }
    var configuration = (org.deeplearning4j.nn.conf.layers.OutputLayer) layer.conf().getLayer();
    ILossFunction loss = configuration.getLossFn();
    IActivation activation = configuration.getActivationFn();
    boolean squaredError =
        loss.getClass() == LossMSE.class
            && loss.equals(new LossMSE()) // no weights
            && activation.getClass() == ActivationIdentity.class;
    boolean crossEntropy =
        loss.getClass() == LossMCXENT.class
            && ((LossMCXENT) loss).getWeights() == null
            && activation.getClass() == ActivationSoftmax.class;
    return (squaredError || crossEntropy)
        && configuration.hasBias()
        && configuration.getIDropout() == null
        && configuration.getWeightNoise() == null;
  }

  /** The stand-in for {@code layer}, sharing its configuration, parameters and gradient views. */
  static TrainingOutputLayer of(Layer layer, DataType dataType) {
    return new TrainingOutputLayer((OutputLayer) layer, dataType);
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    pendingLoss = Double.NaN;
    if (maskArray != null || labels == null || input.rank() != 2 || labels.rank() != 2) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    int rows = Math.toIntExact(input.size(0));
    int features = Math.toIntExact(input.size(1));
    int units = Math.toIntExact(labels.size(1));
    boolean single = input.dataType() == DataType.FLOAT;
    INDArray weightView = getParam(DefaultParamInitializer.WEIGHT_KEY);
    double[] x = inputs.load(input);
    double[] w = weights.load(weightView);
    double[] b = bias.load(getParam(DefaultParamInitializer.BIAS_KEY));
    double[] y = targets.load(labels);
    double[] d = delta.reserve((long) rows * units);

    // A row of x, W's columns and ∂L/∂W's columns as arrays of their own: every loop over the
    // features then indexes its arrays alike and vectorizes.
    Columns columns = columns(features, units);
    for (int c = 0; c < units; c++) {
      for (int i = 0; i < features; i++) {
        columns.weights[c][i] = w[i * units + c];
      }
      Arrays.fill(columns.gradients[c], 0, features, 0.0);
    }
    double[] xr = columns.row;
    double loss = 0;
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x, r * features, xr, 0, features);
      int row = r * units;
      for (int c = 0; c < units; c++) {
        d[row + c] = Float32.round(dot(xr, columns.weights[c], features) + b[c], single);
      }
      loss += softmax ? crossEntropy(d, y, row, units, single) : squaredError(d, y, row, units);
    }

    double[] gb = biasGradient.reserve(units);
    Arrays.fill(gb, 0, units, 0.0);
    double[] below = epsilonBelow.reserve((long) rows * features);
    double[] br = columns.below;
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x, r * features, xr, 0, features);
      for (int c = 0; c < units; c++) {
        double dc = d[r * units + c];
        gb[c] += dc;
        double[] gc = columns.gradients[c];
        double[] wc = columns.weights[c];
        for (int i = 0; i < features; i++) {
          gc[i] += xr[i] * dc;
        }
        if (c == 0) {
          for (int i = 0; i < features; i++) {
            br[i] = dc * wc[i];
          }
        } else {
          for (int i = 0; i < features; i++) {
            br[i] += dc * wc[i];
          }
        }
      }
      System.arraycopy(br, 0, below, r * features, features);
    }
    double[] gw = weightGradient.reserve((long) features * units);
    for (int c = 0; c < units; c++) {
      for (int i = 0; i < features; i++) {
        gw[i * units + c] = columns.gradients[c][i];
      }
    }
    INDArray weightGradientView = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
    INDArray biasGradientView = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
    weightGradient.store(weightGradientView);
    biasGradient.store(biasGradientView);
    INDArray epsilonNext =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD, input.dataType(), new long[] {rows, features}, 'c');
    epsilonBelow.store(epsilonNext);

    Gradient gradient = new DefaultGradient();
    gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradientView);
    gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradientView);
    weightNoiseParams.clear();
    pendingLoss = loss;
    return new Pair<>(gradient, epsilonNext);
  }

  /** Scratch rows: x's row, W's and ∂L/∂W's columns, ε_prev's row. */
  private record Columns(double[] row, double[][] weights, double[][] gradients, double[] below) {}

  private transient Columns columns;

  private Columns columns(int features, int units) {
    if (columns == null || columns.row.length != features || columns.weights.length != units) {
      columns =
          new Columns(
              new double[features],
              new double[units][features],
              new double[units][features],
              new double[features]);
    }
    return columns;
  }

  /** {@code Σ_i a[i] b[i]} over the first {@code n}, in four interleaved partial sums. */
  private static double dot(double[] a, double[] b, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Mean squared error of one row: replaces {@code d[row..row+units)}, which holds z, by δ = 2 (z −
   * y) / k and returns Σ (z − y)² / k.
   */
  private static double squaredError(double[] d, double[] y, int row, int units) {
    double loss = 0;
    for (int c = 0; c < units; c++) {
      double error = d[row + c] - y[row + c];
      loss += error * error;
      d[row + c] = 2 * error / units;
    }
    return loss / units;
  }

  /**
   * Softmax cross-entropy of one row: replaces {@code d[row..row+units)}, which holds z, by δ = p −
   * y and returns −Σ y log(clip(p)).
   */
  private double crossEntropy(double[] d, double[] y, int row, int units, boolean single) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < units; c++) {
      max = Math.max(max, d[row + c]);
    }
    double sum = 0;
    for (int c = 0; c < units; c++) {
      d[row + c] = Math.exp(d[row + c] - max);
      sum += d[row + c];
    }
    double loss = 0;
    for (int c = 0; c < units; c++) {
      double p = Float32.round(d[row + c] / sum, single);
      double clipped = Math.min(Math.max(p, clip), 1 - clip);
      loss -= y[row + c] * Math.log(clipped);
      d[row + c] = p - y[row + c];
    }
    return loss;
  }

  /**
   * The score of the step whose backward pass just ran, as DL4J's: the loss, divided by the
   * minibatch size when the configuration says so, plus {@code fullNetRegTerm}. Otherwise DL4J's.
   */
  @Override
  public double computeScore(
      double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
    double loss = pendingLoss;
    pendingLoss = Double.NaN;
    if (!training || Double.isNaN(loss)) {
      return super.computeScore(fullNetRegTerm, training, workspaceMgr);
    }
    if (conf().isMiniBatch()) {
      loss /= getInputMiniBatchSize();
    }
    this.score = loss + fullNetRegTerm;
    return score;
  }
}
