package io.actmix.experiments.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Clips the gradient of all parameters together to a global L2 norm, as PyTorch's {@code
 * clip_grad_norm_}: with {@code g} the minibatch-mean gradient, {@code g ← g · min(1, c / ‖g‖)}.
 *
 * <p>DL4J only clips per layer or per parameter, so this listener acts between the backward pass
 * and the updater ({@code onGradientCalculation}). There the gradient is still a sum over the
 * minibatch, which the updater divides by its size {@code N}, so its norm is measured as {@code ‖g
 * · N‖ / N}. Decoupled weight decay is applied by the updater afterwards and is not clipped, as in
 * AdamW.
 */
public final class GlobalNormClipping extends BaseTrainingListener {

  private final double maxNorm;

  /**
   * @param maxNorm the largest global L2 norm; finite and &gt; 0
   */
  public GlobalNormClipping(double maxNorm) {
    if (!Double.isFinite(maxNorm) || maxNorm <= 0) {
      throw new IllegalArgumentException(
          "GlobalNormClipping: maxNorm = " + maxNorm + "; must be > 0");
    }
    this.maxNorm = maxNorm;
  }

  @Override
  public void onGradientCalculation(Model model) {
    clip(model.gradient().gradient(), model.batchSize(), maxNorm);
  }

  /**
   * Scales {@code summedGradient}, a sum over a minibatch of {@code batchSize} rows, in place so
   * that the norm of its mean is at most {@code maxNorm}.
   */
  static void clip(INDArray summedGradient, int batchSize, double maxNorm) {
    double norm = summedGradient.norm2Number().doubleValue() / batchSize;
    if (norm > maxNorm) {
      summedGradient.muli(maxNorm / norm);
    }
  }
}
