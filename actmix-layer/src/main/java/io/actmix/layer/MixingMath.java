package io.actmix.layer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The mixing maths of one ActMix layer on its logit matrix {@code a} of shape [neurons, bases],
 * shared by the runtime layer (score and gradient of the entropy term) and by inspection.
 *
 * <pre>
 *   log α_jk = a_jk / T − logsumexp_k(a_jk / T)           (log-softmax, stable at small T)
 *   H_j      = −Σ_k α_jk · log α_jk                        (entropy of neuron j, in nats)
 *   H̄        = (1/n) Σ_j H_j                               (entropy of the layer)
 *   ∂H̄/∂a_jk = −α_jk · (log α_jk + H_j) / (T · n)
 * </pre>
 *
 * <p>The gradient follows from {@code ∂α_ji/∂u_k = α_ji(δ_ik − α_jk)} with {@code u = a/T}.
 */
final class MixingMath {

  private MixingMath() {}

  /** {@code log softmax(a / T)} along the basis axis; a new array of the logits' shape. */
  static INDArray logAlpha(INDArray logits, double temperature) {
    // Shift by the row maximum before exp: ND4J's own log_softmax op returns NaN entropies in
    // float32 at T = 0.01 (ActMixTrainingTest caught it), this form does not.
    INDArray scaled = logits.div(temperature);
    INDArray shifted = scaled.subiColumnVector(scaled.max(true, 1));
    INDArray logNormalizer = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
    return shifted.subiColumnVector(logNormalizer);
  }

  /** The entropy {@code H_j} of every neuron, shape [neurons], from {@link #logAlpha}. */
  static INDArray neuronEntropy(INDArray logAlpha) {
    return Transforms.exp(logAlpha, true).muli(logAlpha).sum(1).negi();
  }

  /** The layer entropy {@code H̄}, the mean of {@link #neuronEntropy} over neurons. */
  static double layerEntropy(INDArray logits, double temperature) {
    return neuronEntropy(logAlpha(logits, temperature)).meanNumber().doubleValue();
  }

  /** {@code ∂H̄/∂a}, shape [neurons, bases]. */
  static INDArray layerEntropyGradient(INDArray logits, double temperature) {
    INDArray logAlpha = logAlpha(logits, temperature);
    INDArray entropy = neuronEntropy(logAlpha).reshape(logits.size(0), 1);
    INDArray alpha = Transforms.exp(logAlpha, true);
    double scale = -1.0 / (temperature * logits.size(0));
    return alpha.muli(logAlpha.addiColumnVector(entropy)).muli(scale);
  }
}
