package io.actmix.experiments.training;

import io.actmix.layer.HostBuffer;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.DropoutLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's dropout layer at training time, with its mask drawn and applied on the JVM.
 *
 * <p>Inverted dropout with retain probability {@code p}, as DL4J's {@link Dropout}: each element is
 * kept with probability {@code p} and scaled by {@code 1/p}, else set to 0, and the backward pass
 * multiplies the gradient by the same mask. DL4J draws the mask with three native ops (a filled
 * array, a random op, a product) and applies it in the backward pass with a fourth; the random op
 * alone took a tenth of an ActMix epoch on power_plant. Here one bulk copy in and one out each way,
 * and the mask from the sequence of a {@link SplittableRandom} seeded from the network's seed and
 * the layer's index, so every run of a fold draws the same masks, whichever thread trains it.
 *
 * <p>The mask computes that sequence directly (see {@link #drawMask}): SplitMix64's {@code i}-th
 * draw is a function of {@code seed + i·γ} alone, so no draw waits for the one before it, and the
 * loop runs twice as fast as {@link SplittableRandom#nextDouble} one call at a time, with the same
 * values.
 *
 * <p>The masks are other draws than ND4J's: training takes another, equally likely path from the
 * same seed. {@link TrainingNetwork} puts one in place of each DL4J dropout layer with a fixed
 * retain probability; inference (no dropout) is DL4J's.
 */
final class TrainingDropoutLayer extends DropoutLayer {

  private static final long serialVersionUID = 1L;

  private final double retain;
  private final double scale;

  /** SplitMix64's state: the seed plus γ times the number of draws so far. */
  private transient long state;

  private final transient HostBuffer values = new HostBuffer();
  private transient double[] mask = new double[0];
  private transient int maskLength = -1;

  private TrainingDropoutLayer(DropoutLayer layer, DataType dataType, long seed) {
    super(layer.conf(), dataType);
    StandIns.adopt(layer, this);
    this.retain = ((Dropout) layer.conf().getLayer().getIDropout()).getP();
    this.scale = 1.0 / retain;
    this.state = seed;
  }

  /** Whether {@code layer} is a DL4J dropout layer with a fixed retain probability in (0, 1]. */
  static boolean canReplace(Layer layer) {
    if (layer.getClass() != DropoutLayer.class) {
      return false;
    }
    IDropout dropout = layer.conf().getLayer().getIDropout();
    return dropout != null
        && dropout.getClass() == Dropout.class
        && ((Dropout) dropout).getPSchedule() == null
        && ((Dropout) dropout).getP() > 0
        && ((Dropout) dropout).getP() <= 1;
  }

  /**
   * The stand-in for {@code layer}, sharing its configuration; its masks are drawn from {@code
   * seed}.
   */
  static TrainingDropoutLayer of(Layer layer, DataType dataType, long seed) {
    return new TrainingDropoutLayer((DropoutLayer) layer, dataType, seed);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    if (!training || maskArray != null) {
      maskLength = -1;
      return super.activate(training, workspaceMgr);
    }
    assertInputSet(false);
    INDArray output =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
    double[] x = values.load(input);
    int length = Math.toIntExact(input.length());
    if (mask.length < length) {
      mask = new double[length];
    }
    state = drawMask(state, retain, scale, mask, length);
    for (int i = 0; i < length; i++) {
      x[i] *= mask[i];
    }
    values.store(output);
    maskLength = length;
    return output;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (maskLength != epsilon.length()) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    INDArray delta =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(), 'c');
    double[] g = values.load(epsilon);
    for (int i = 0; i < maskLength; i++) {
      g[i] *= mask[i];
    }
    values.store(delta);
    maskLength = -1;
    return new Pair<>(new DefaultGradient(), delta);
  }

  /** SplitMix64's increment γ, as {@link SplittableRandom}'s seeded constructor uses it. */
  private static final long GAMMA = 0x9e3779b97f4a7c15L;

  /**
   * Writes {@code mask[i] = u_i < retain ? scale : 0} for {@code i < length}, where {@code u_i} is
   * the {@code i}-th value that {@link SplittableRandom#nextDouble} would return from {@code
   * state}, and returns the state after those draws. SplitMix64:
   *
   * <pre>
   *   s_i = state + (i + 1) γ          x = mix64(s_i) >>> 11          u_i = x · 2^-53
   *   mix64(z) = z ⊕ (z >>> 31) of z ← (z ⊕ (z >>> 27)) · 0x94d0…, z ← (z ⊕ (z >>> 30)) · 0xbf58…
   * </pre>
   *
   * <p>For the integer {@code x}, {@code x · 2^-53 < retain} exactly when {@code x < ⌈retain ·
   * 2^53⌉}, an integer comparison; its sign bit makes the mask without a branch.
   */
  static long drawMask(long state, double retain, double scale, double[] mask, int length) {
    long threshold = (long) Math.ceil(retain * 0x1p53);
    for (int i = 0; i < length; i++) {
      long z = state + (i + 1) * GAMMA;
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      z ^= z >>> 31;
      long kept = ((z >>> 11) - threshold) >>> 63; // 1 when x < threshold, else 0
      mask[i] = kept * scale;
    }
    return state + length * GAMMA;
  }
}
