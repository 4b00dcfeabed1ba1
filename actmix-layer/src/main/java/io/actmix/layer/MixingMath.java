package io.actmix.layer;

/**
 * The mixing maths of one ActMix layer on its logit matrix {@code a} of shape [neurons, bases],
 * held row-major in a {@code double[]}: shared by the runtime layer (α, and the entropy term's
 * score and gradient) and by inspection. Every result is a new array of the logits' layout.
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
 */
final class MixingMath {

  private MixingMath() {}

  /** {@code log softmax(a / T)} along the basis axis. */
  static double[] logAlpha(double[] logits, int bases, double temperature) {
    double[] out = new double[logits.length];
    for (int row = 0; row < logits.length; row += bases) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < bases; k++) {
        max = Math.max(max, logits[row + k] / temperature);
      }
      double sum = 0.0;
      for (int k = 0; k < bases; k++) {
        out[row + k] = logits[row + k] / temperature - max;
        sum += Math.exp(out[row + k]);
      }
      double logNormalizer = Math.log(sum);
      for (int k = 0; k < bases; k++) {
        out[row + k] -= logNormalizer;
      }
    }
    return out;
  }

  /** {@code α = softmax(a / T)} along the basis axis. */
  static double[] alpha(double[] logits, int bases, double temperature) {
    double[] alpha = logAlpha(logits, bases, temperature);
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = Math.exp(alpha[i]);
    }
    return alpha;
  }

  /** The entropy {@code H_j} of every neuron, [neurons], from {@link #logAlpha}. */
  static double[] neuronEntropy(double[] logAlpha, int bases) {
    double[] entropy = new double[logAlpha.length / bases];
    for (int j = 0; j < entropy.length; j++) {
      double sum = 0.0;
      for (int k = 0; k < bases; k++) {
        double logA = logAlpha[j * bases + k];
        sum += Math.exp(logA) * logA;
      }
      entropy[j] = -sum;
    }
    return entropy;
  }

  /** The layer entropy {@code H̄}, the mean of {@link #neuronEntropy} over neurons. */
  static double layerEntropy(double[] logits, int bases, double temperature) {
    double[] entropy = neuronEntropy(logAlpha(logits, bases, temperature), bases);
    double sum = 0.0;
    for (double h : entropy) {
      sum += h;
    }
    return sum / entropy.length;
  }

  /** {@code ∂H̄/∂a}, [neurons, bases]. */
  static double[] layerEntropyGradient(double[] logits, int bases, double temperature) {
    double[] logAlpha = logAlpha(logits, bases, temperature);
    double[] entropy = neuronEntropy(logAlpha, bases);
    double scale = -1.0 / (temperature * entropy.length);
    double[] gradient = new double[logits.length];
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] = scale * Math.exp(logAlpha[i]) * (logAlpha[i] + entropy[i / bases]);
    }
    return gradient;
  }
}
