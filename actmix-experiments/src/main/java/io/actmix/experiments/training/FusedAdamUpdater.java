package io.actmix.experiments.training;

import io.actmix.layer.HostBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * DL4J's updater for a {@link MultiLayerNetwork}, with the global gradient-norm clipping of
 * training, and for the configuration the experiments train — Adam over all parameters, decoupled
 * weight decay or none per parameter — the whole step in one pass on JVM arrays: one bulk copy in
 * of the gradient, the parameters and Adam's state, one copy out of the update and the state.
 *
 * <p>DL4J's own path does the same arithmetic in about twenty native ops an iteration, plus two
 * reshaped views per parameter and step for the regularization loop; at these sizes each op and
 * view costs tens of microseconds of bookkeeping and registers native buffers that the garbage
 * collector must trace. With {@code g} the summed minibatch gradient, {@code N} the minibatch size,
 * {@code c} the clipping norm, {@code t = iteration + 1}, η the learning rate and {@code w} the
 * parameters, the update this writes into the gradient view (which the optimizer then subtracts
 * from {@code w}) is, element by element:
 *
 * <pre>
 *   ḡ = (g / N) · min(1, c / ‖g / N‖)                       (GlobalNormClipping)
 *   m ← β₁ m + (1 − β₁) ḡ,   v ← β₂ v + (1 − β₂) ḡ²         (ND4J's adam_updater)
 *   u = m · α_t / (√v + ε),   α_t = η √(1 − β₂ᵗ) / (1 − β₁ᵗ)
 *   u ← u + η λ w     for a parameter with WeightDecay(λ, applyLR = true); λ w when false
 * </pre>
 *
 * <p>The sums are in double precision and every stored value is rounded once to the network's data
 * type, as ND4J's float kernels round; tests check the result against DL4J's own updater. Any other
 * configuration (another updater, several updater blocks, L1/L2, per-layer gradient normalization,
 * a gradient of another length than the network's parameters) takes DL4J's path unchanged, after
 * the same clipping.
 */
public final class FusedAdamUpdater extends MultiLayerUpdater {

  private static final long serialVersionUID = 1L;

  private final double clipNorm;
  private final transient Plan plan;
  private final transient HostBuffer gradient = new HostBuffer();
  private final transient HostBuffer parameters = new HostBuffer();
  private final transient HostBuffer state = new HostBuffer();
  private final transient HostBuffer moments = new HostBuffer();
  private final transient HostBuffer squaredMoments = new HostBuffer();

  /**
   * @param network an initialized network; the updater replaces its own with {@code
   *     network.setUpdater}
   * @param clipNorm the largest global L2 norm of the minibatch-mean gradient; finite and &gt; 0
   */
  public FusedAdamUpdater(MultiLayerNetwork network, double clipNorm) {
    super(network);
    if (!Double.isFinite(clipNorm) || clipNorm <= 0) {
      throw new IllegalArgumentException(
          "FusedAdamUpdater: clipNorm = " + clipNorm + "; must be finite and > 0");
    }
    this.clipNorm = clipNorm;
    this.plan = Plan.of(getUpdaterBlocks(), getFlattenedGradientsView().length()).orElse(null);
  }

  /** Whether this network's configuration takes the fused path (else DL4J's). */
  public boolean fused() {
    return plan != null;
  }

  @Override
  public synchronized void update(
      Gradient gradient, int iteration, int epoch, int batchSize, LayerWorkspaceMgr workspaces) {
    INDArray gradientView = gradient.gradient();
    if (plan == null || gradientView.length() != plan.length) {
      GlobalNormClipping.clip(gradientView, batchSize, clipNorm);
      super.update(gradient, iteration, epoch, batchSize, workspaces);
      return;
    }
    INDArray stateView = getStateViewArray();
    double[] g = this.gradient.load(gradientView);
    double[] w = parameters.load(getParams());
    double[] s = state.load(stateView);
    int length = plan.length;

    double mean = 1.0 / batchSize;
    double squares = 0;
    for (int i = 0; i < length; i++) {
      squares += g[i] * g[i];
    }
    double norm = Math.sqrt(squares) * mean;
    double scale = norm > clipNorm ? mean * clipNorm / norm : mean;

    Adam adam = plan.adam;
    double learningRate = adam.getLearningRate(iteration, epoch);
    double beta1 = adam.getBeta1();
    double beta2 = adam.getBeta2();
    double epsilon = adam.getEpsilon();
    double step =
        learningRate
            * Math.sqrt(1 - Math.pow(beta2, iteration + 1))
            / (1 - Math.pow(beta1, iteration + 1));
    if (Double.isNaN(step) || Double.isInfinite(step) || step == 0) {
      step = epsilon;
    }
    // m and v in arrays of their own: a loop that reads s[i] and s[length + i] of one array
    // does not vectorize.
    double[] m = moments.reserve(length);
    double[] v = squaredMoments.reserve(length);
    System.arraycopy(s, 0, m, 0, length);
    System.arraycopy(s, length, v, 0, length);
    adam(g, m, v, length, scale, beta1, beta2, step, epsilon, plan.single);
    System.arraycopy(m, 0, s, 0, length);
    System.arraycopy(v, 0, s, length, length);
    for (WeightDecayRange decay : plan.decays) {
      double factor = decay.factor(learningRate, iteration, epoch);
      for (int i = decay.start(); i < decay.end(); i++) {
        g[i] = Float32.round(g[i], plan.single) + factor * w[i];
      }
    }
    this.gradient.store(gradientView);
    state.store(stateView);
  }

  /**
   * The clipped mean gradient, m, v and Adam's step of every element; for a float32 network ({@code
   * single}) the clipped gradient, m and v rounded to float32 as ND4J's float kernels store them.
   */
  private static void adam(
      double[] g,
      double[] m,
      double[] v,
      int length,
      double scale,
      double beta1,
      double beta2,
      double step,
      double epsilon,
      boolean single) {
    for (int i = 0; i < length; i++) {
      double clipped = Float32.round(g[i] * scale, single);
      m[i] = Float32.round(beta1 * m[i] + (1 - beta1) * clipped, single);
      v[i] = Float32.round(beta2 * v[i] + (1 - beta2) * clipped * clipped, single);
      g[i] = m[i] * step / (Math.sqrt(v[i]) + epsilon);
    }
  }

  /** What the fused path needs to know of the network, fixed when the updater is built. */
  private static final class Plan {
    final Adam adam;
    final int length;
    final boolean single;
    final List<WeightDecayRange> decays;

    private Plan(Adam adam, int length, boolean single, List<WeightDecayRange> decays) {
      this.adam = adam;
      this.length = length;
      this.single = single;
      this.decays = decays;
    }

    /** The plan, or empty when the configuration is outside the fused path. */
    static Optional<Plan> of(List<UpdaterBlock> blocks, long parameters) {
      if (blocks.size() != 1 || parameters > Integer.MAX_VALUE) {
        return Optional.empty();
      }
      UpdaterBlock block = blocks.get(0);
      if (block.getParamOffsetStart() != 0
          || block.getParamOffsetEnd() != parameters
          || block.getUpdaterViewOffsetStart() != 0) {
        return Optional.empty();
      }
      Adam adam = null;
      boolean single = true;
      List<WeightDecayRange> decays = new ArrayList<>();
      for (UpdaterBlock.ParamState param : block.getLayersAndVariablesInBlock()) {
        Trainable layer = param.getLayer();
        String name = param.getParamName();
        IUpdater updater = layer.getConfig().getUpdaterByParam(name);
        GradientNormalization normalization = layer.getConfig().getGradientNormalization();
        if (updater.getClass() != Adam.class
            || (normalization != null && normalization != GradientNormalization.None)
            || !layer.updaterDivideByMinibatch(name)) {
          return Optional.empty();
        }
        adam = (Adam) updater;
        single &= param.getParamView().dataType() == DataType.FLOAT;
        Optional<List<WeightDecayRange>> ranges =
            WeightDecayRange.of(
                param.getParamOffsetStart(),
                param.getParamOffsetEnd(),
                layer.getConfig().getRegularizationByParam(name));
        if (ranges.isEmpty()) {
          return Optional.empty();
        }
        decays.addAll(ranges.get());
      }
      return adam == null
          ? Optional.empty()
          : Optional.of(new Plan(adam, (int) parameters, single, List.copyOf(decays)));
    }
  }
}
