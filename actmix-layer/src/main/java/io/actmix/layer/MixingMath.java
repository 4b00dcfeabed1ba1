package io.actmix.layer;

import java.util.Arrays;

/**
 * The mixing maths of one ActMix layer for given logits {@code a} of shape [neurons, bases], held
 * row-major, and a temperature: computed once, and kept by the runtime layer while neither changes
 * (its forward pass, backward pass, entropy term and score all use it within an iteration); when
 * they change, {@link #update} recomputes it in the same arrays, so that training allocates none.
 *
 * <pre>
 *   log α_jk = a_jk / T − logsumexp_k(a_jk / T)           (log-softmax, stable at small T)
 *   H_j      = −Σ_k α_jk · log α_jk                        (entropy of neuron j, in nats)
 *   H̄        = (1/n) Σ_j H_j                               (entropy of the layer)
 *   ∂H̄/∂a_jk = −α_jk · (log α_jk + H_j) / (T · n)
 * </pre>
 *
 * <p>The gradient follows from {@code ∂α_ji/∂u_k = α_ji(δ_ik − α_jk)} with {@code u = a/T}. The
 * log-softmax shifts each row by its maximum before {@code exp}: ND4J's own {@code log_softmax} op
 * returned NaN entropies in float32 at T = 0.01 (ActMixTrainingTest caught it); this form does not,
 * and runs in double precision whatever the network's data type.
 *
 * <p>The element-wise steps run over the whole [neurons, bases] array in loops of their own, each
 * row's maximum, sum and entropy repeated over the row's elements first, so that the JIT turns the
 * divisions and subtractions into vector code; every element sees the same operations in the same
 * order as in a row-by-row loop, and every row's sum adds its elements in the order of k.
 */
final class MixingMath {

  private final double[] logits;
  private double temperature;
  private final int bases;
  private final double[] logAlpha;
  private final double[] alpha;
  private final double[] entropy;
  private final double[] entropyGradient;

  /** Per element, the value of its row: the row's maximum of a / T, then its log-normalizer. */
  private final double[] rowShift;

  /** Per element, its row's sum of exponentials. */
  private final double[] rowSum;

  /** Per element, its row's entropy {@code H_j}. */
  private final double[] rowEntropy;

  private MixingMath(int length, int bases) {
    this.bases = bases;
    this.logits = new double[length];
    this.logAlpha = new double[length];
    this.alpha = new double[length];
    this.entropy = new double[length / bases];
    this.entropyGradient = new double[length];
    this.rowShift = new double[length];
    this.rowSum = new double[length];
    this.rowEntropy = new double[length];
  }

  /**
   * The mixing of {@code logits} (copied) at {@code temperature}.
   *
   * @param logits [neurons, bases] row-major
   * @param bases the number of bases K
   * @param temperature T &gt; 0
   */
  static MixingMath of(double[] logits, int bases, double temperature) {
    MixingMath math = new MixingMath(logits.length, bases);
    math.compute(logits, temperature);
    return math;
  }

  /**
   * The mixing of {@code logits} (copied) at {@code temperature}: this one recomputed in place when
   * the shapes agree, else a new one. Values read from this before are overwritten.
   */
  MixingMath update(double[] otherLogits, double otherTemperature) {
    if (otherLogits.length != logits.length) {
      return of(otherLogits, bases, otherTemperature);
    }
    compute(otherLogits, otherTemperature);
    return this;
  }

  private void compute(double[] source, double t) {
    int length = logits.length;
    System.arraycopy(source, 0, logits, 0, length);
    this.temperature = t;
    for (int i = 0; i < length; i++) {
      logAlpha[i] = logits[i] / temperature; // a / T, shifted below
    }
    for (int row = 0; row < length; row += bases) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < bases; k++) {
        max = Math.max(max, logAlpha[row + k]);
      }
      Arrays.fill(rowShift, row, row + bases, max);
    }
    for (int i = 0; i < length; i++) {
      logAlpha[i] -= rowShift[i];
    }
    for (int i = 0; i < length; i++) {
      alpha[i] = Math.exp(logAlpha[i]);
    }
    for (int row = 0; row < length; row += bases) {
      double sum = 0.0;
      for (int k = 0; k < bases; k++) {
        sum += alpha[row + k];
      }
      Arrays.fill(rowSum, row, row + bases, sum);
      Arrays.fill(rowShift, row, row + bases, Math.log(sum));
    }
    for (int i = 0; i < length; i++) {
      logAlpha[i] -= rowShift[i];
    }
    for (int i = 0; i < length; i++) {
      alpha[i] /= rowSum[i];
    }
    for (int j = 0, row = 0; j < entropy.length; j++, row += bases) {
      double neuronEntropy = 0.0;
      for (int k = 0; k < bases; k++) {
        neuronEntropy -= alpha[row + k] * logAlpha[row + k];
      }
      entropy[j] = neuronEntropy;
      Arrays.fill(rowEntropy, row, row + bases, neuronEntropy);
    }
  }

  /** Whether this is the mixing of exactly these logits at exactly this temperature. */
  boolean isFor(double[] otherLogits, double otherTemperature) {
    return temperature == otherTemperature && Arrays.equals(logits, otherLogits);
  }

  /** The logits {@code a} this is the mixing of; the caller must not modify them. */
  double[] logits() {
    return logits;
  }

  /** The temperature {@code T} this is the mixing at. */
  double temperature() {
    return temperature;
  }

  /** {@code α = softmax(a / T)}, [neurons, bases] row-major; the caller must not modify it. */
  double[] alpha() {
    return alpha;
  }

  /** The entropy {@code H_j} of every neuron, [neurons]; the caller must not modify it. */
  double[] neuronEntropy() {
    return entropy;
  }

  /** The layer entropy {@code H̄}, the mean of {@link #neuronEntropy} over neurons. */
  double layerEntropy() {
    double sum = 0.0;
    for (double h : entropy) {
      sum += h;
    }
    return sum / entropy.length;
  }

  /**
   * {@code ∂H̄/∂a}, [neurons, bases] row-major, in an array of this mixing's that the caller may
   * scale: the next call writes it again.
   */
  double[] layerEntropyGradient() {
    double scale = -1.0 / (temperature * entropy.length);
    double[] gradient = entropyGradient;
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] = scale * alpha[i] * (logAlpha[i] + rowEntropy[i]);
    }
    return gradient;
  }
}
