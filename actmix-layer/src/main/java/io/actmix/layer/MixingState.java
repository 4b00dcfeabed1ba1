package io.actmix.layer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * The ActMix mixing of one runtime layer's units, kept in two of its parameters: the trainable
 * logits {@value ActMixLayer#LOGITS} [units, bases] and the frozen state {@value ActMixLayer#STATE}
 * [1, 2] (temperature, entropy weight). It reads them, keeps the {@link MixingMath} of their
 * current values, and computes what every layer that mixes needs besides its own passes: the
 * logits' gradient from the basis gradient, the entropy term, and the regularization score. Shared
 * by {@link ActMixRuntimeLayer} and the periodic embedding's ActMix activation.
 */
final class MixingState {

  private final Layer layer;
  private final String kind;
  private final List<BasisFunction> bases;
  private final double omega0;
  private final HostBuffer logitsCopy = new HostBuffer();
  private MixingMath mixingMath;

  /** {@link #logitsGradient}'s per-element copy of each row's {@code Σ_i α_ji g_ji}. */
  private double[] rowMean = new double[0];

  /**
   * @param layer the runtime layer whose parameters hold the logits and the state
   * @param kind the configuration's class name, for messages ({@code "ActMixLayer"})
   * @param bases the basis functions, in logit column order
   * @param omega0 the sine's frequency scale
   */
  MixingState(Layer layer, String kind, List<BasisFunction> bases, double omega0) {
    this.layer = layer;
    this.kind = kind;
    this.bases = List.copyOf(bases);
    this.omega0 = omega0;
  }

  /** The basis functions, in logit column order. */
  List<BasisFunction> bases() {
    return bases;
  }

  /** The sine's frequency scale ω0. */
  double omega0() {
    return omega0;
  }

  /**
   * The mixing maths of the current logits and temperature: computed when either has changed since
   * the last call, else the same value again (within an iteration, the forward pass, the backward
   * pass, the entropy term and the score all ask).
   */
  MixingMath math() {
    double[] current = logits();
    double temperature = temperature();
    if (mixingMath == null) {
      mixingMath = MixingMath.of(current, bases.size(), temperature);
    } else if (!mixingMath.isFor(current, temperature)) {
      mixingMath = mixingMath.update(current, temperature);
    }
    return mixingMath;
  }

  /** The logits {@code a}, [units, bases] row-major, in double precision; do not modify. */
  double[] logits() {
    INDArray logits = layer.getParam(ActMixLayer.LOGITS);
    double[] values = logitsCopy.load(logits);
    return values.length == logits.length() ? values : Arrays.copyOf(values, (int) logits.length());
  }

  /**
   * The logits' raw gradient from the basis gradient {@code g = ∂L/∂α}, plus the entropy term:
   *
   * <pre>
   *   ∂L/∂a_jk = α_jk (g_jk − Σ_i α_ji g_ji) / T  +  λ_l ∂H̄/∂a_jk
   * </pre>
   *
   * which follows from {@code ∂α_ji/∂a_jk = α_ji(δ_ik − α_jk) / T}.
   *
   * @param math the mixing of the forward pass ({@link #math()}), read once for the whole step
   * @param basisGradient {@code g}, [units, bases] row-major
   * @param rows the minibatch's rows, for {@link #entropyGradientTerm}
   * @param out receives {@code ∂L/∂a}, [units, bases] row-major
   */
  void logitsGradient(MixingMath math, double[] basisGradient, long rows, double[] out) {
    double[] alpha = math.alpha();
    int k = bases.size();
    double temperature = math.temperature();
    double[] entropyTerm = entropyGradientTerm(math, rows);
    if (rowMean.length != alpha.length) {
      rowMean = new double[alpha.length];
    }
    for (int row = 0; row < alpha.length; row += k) {
      double mean = 0.0; // Σ_i α_ji g_ji
      for (int i = 0; i < k; i++) {
        mean += alpha[row + i] * basisGradient[row + i];
      }
      Arrays.fill(rowMean, row, row + k, mean);
    }
    // Element by element over the whole array, each row's mean repeated over its elements: loops
    // the JIT turns into vector code, the same operations per element as row by row.
    for (int i = 0; i < alpha.length; i++) {
      out[i] = alpha[i] * (basisGradient[i] - rowMean[i]) / temperature;
    }
    if (entropyTerm != null) {
      for (int i = 0; i < alpha.length; i++) {
        out[i] += entropyTerm[i];
      }
    }
  }

  /**
   * The entropy term's share of the logits' raw gradient, {@code λ_l · ∂H̄/∂a}, [units, bases]
   * row-major; null when {@code λ_l = 0}. DL4J's raw gradients are sums over the minibatch that the
   * updater divides by its size, so the term is multiplied by the minibatch size when the network
   * trains on minibatches.
   *
   * @param rows the minibatch's rows
   */
  double[] entropyGradientTerm(long rows) {
    return entropyGradientTerm(math(), rows);
  }

  private double[] entropyGradientTerm(MixingMath math, long rows) {
    double weight = entropyWeight();
    if (weight == 0.0) {
      return null;
    }
    double scale = weight * (layer.conf().isMiniBatch() ? rows : 1.0);
    double[] gradient = math.layerEntropyGradient();
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] *= scale;
    }
    return gradient;
  }

  /** Zeroes the state's gradient, so that no updater moves T or λ_l. */
  static void zeroStateGradient(INDArray stateGradient) {
    stateGradient.putScalar(0, ActMixLayer.TEMPERATURE_INDEX, 0.0);
    stateGradient.putScalar(0, ActMixLayer.ENTROPY_WEIGHT_INDEX, 0.0);
  }

  /**
   * The regularization score of a layer's parameters as configured, plus the entropy term {@code
   * λ_l · H̄}. DL4J's own three regularizations of the logits ({@code WeightDecay}, L1, L2) are
   * computed on the JVM from the logits' double copy, with DL4J's formulas ({@code c · ½‖a‖₂²} for
   * weight decay and L2, {@code c · ‖a‖₁} for L1), because DL4J scores every parameter with a
   * native reduction each iteration, and those dominate the cost of a score; any other parameter or
   * regularization scores itself.
   *
   * @param params the layer's parameters by name
   * @param regularizations the configured regularizations of a parameter, or null
   */
  double regularizationScore(
      Map<String, INDArray> params,
      Function<String, List<Regularization>> regularizations,
      int iteration,
      int epoch) {
    MixingMath math = math();
    double score =
        configuredScore(
            params,
            regularizations,
            (regularization, param, values) ->
                score(regularization, param, values, math.logits(), iteration, epoch));
    double weight = entropyWeight();
    return weight == 0.0 ? score : score + weight * math.layerEntropy();
  }

  /** The score one regularization gives one parameter's values. */
  @FunctionalInterface
  interface ParameterScore {
    double of(Regularization regularization, String param, INDArray values);
  }

  /**
   * The sum over a layer's parameters of every configured regularization's {@code score}: what the
   * SameDiff runtime (which reports 0) leaves out.
   *
   * @param regularizations the configured regularizations of a parameter, or null
   */
  static double configuredScore(
      Map<String, INDArray> params,
      Function<String, List<Regularization>> regularizations,
      ParameterScore score) {
    double sum = 0.0;
    for (Map.Entry<String, INDArray> entry : params.entrySet()) {
      List<Regularization> configured = regularizations.apply(entry.getKey());
      if (configured != null) {
        for (Regularization regularization : configured) {
          sum += score.of(regularization, entry.getKey(), entry.getValue());
        }
      }
    }
    return sum;
  }

  /** The score of {@code regularization} on {@code param}, {@code logits} the logits' copy. */
  private static double score(
      Regularization regularization,
      String param,
      INDArray values,
      double[] logits,
      int iteration,
      int epoch) {
    if (!ActMixLayer.LOGITS.equals(param)) {
      return regularization.score(values, iteration, epoch);
    }
    if (regularization instanceof WeightDecay decay) {
      return decay.getCoeff().valueAt(iteration, epoch) * 0.5 * sumOfSquares(logits);
    }
    if (regularization instanceof L2Regularization l2) {
      return l2.getL2().valueAt(iteration, epoch) * 0.5 * sumOfSquares(logits);
    }
    if (regularization instanceof L1Regularization l1) {
      double sum = 0.0;
      for (double a : logits) {
        sum += Math.abs(a);
      }
      return l1.getL1().valueAt(iteration, epoch) * sum;
    }
    return regularization.score(values, iteration, epoch);
  }

  private static double sumOfSquares(double[] values) {
    double sum = 0.0;
    for (double v : values) {
      sum += v * v;
    }
    return sum;
  }

  /** The current softmax temperature {@code T}. */
  double temperature() {
    return layer.getParam(ActMixLayer.STATE).getDouble(0, ActMixLayer.TEMPERATURE_INDEX);
  }

  /** Sets the temperature; finite and &gt; 0. */
  void setTemperature(double temperature) {
    Checks.positive(this::where, "temperature", temperature); // listeners set it every iteration
    layer.getParam(ActMixLayer.STATE).putScalar(0, ActMixLayer.TEMPERATURE_INDEX, temperature);
  }

  /** The current entropy weight {@code λ_l}. */
  double entropyWeight() {
    return layer.getParam(ActMixLayer.STATE).getDouble(0, ActMixLayer.ENTROPY_WEIGHT_INDEX);
  }

  /** Sets the entropy weight; finite and &ge; 0. */
  void setEntropyWeight(double entropyWeight) {
    Checks.nonNegative(this::where, "entropyWeight", entropyWeight);
    layer.getParam(ActMixLayer.STATE).putScalar(0, ActMixLayer.ENTROPY_WEIGHT_INDEX, entropyWeight);
  }

  /** The mean unit entropy {@code H̄} at the current temperature, in nats. */
  double meanEntropy() {
    return math().layerEntropy();
  }

  /** A snapshot of the mixing: α, entropies, T and λ_l. */
  LayerMixing mixing() {
    int k = bases.size();
    MixingMath math = math();
    double[] alpha = math.alpha();
    double[][] rows = new double[alpha.length / k][];
    for (int j = 0; j < rows.length; j++) {
      rows[j] = Arrays.copyOfRange(alpha, j * k, (j + 1) * k);
    }
    return new LayerMixing(
        layer.getIndex(),
        bases,
        omega0,
        rows,
        math.neuronEntropy(),
        temperature(),
        entropyWeight());
  }

  /** {@code "ActMixLayer(layer i)"}, for messages. */
  String where() {
    return kind + "(layer " + layer.getIndex() + ")";
  }
}
