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
 * and the mask from a {@link SplittableRandom} seeded from the network's seed and the layer's
 * index, so every run of a fold draws the same masks, whichever thread trains it.
 *
 * <p>The masks are other draws than ND4J's: training takes another, equally likely path from the
 * same seed. {@link TrainingNetwork} puts one in place of each DL4J dropout layer with a fixed
 * retain probability; inference (no dropout) is DL4J's.
 */
final class TrainingDropoutLayer extends DropoutLayer {

  private static final long serialVersionUID = 1L;

  private final double retain;
  private final double scale;
  private final transient SplittableRandom random;
  private final transient HostBuffer values = new HostBuffer();
  private transient double[] mask = new double[0];
  private transient int maskLength = -1;

  private TrainingDropoutLayer(DropoutLayer layer, DataType dataType, long seed) {
    super(layer.conf(), dataType);
    StandIns.adopt(layer, this);
    this.retain = ((Dropout) layer.conf().getLayer().getIDropout()).getP();
    this.scale = 1.0 / retain;
    this.random = new SplittableRandom(seed);
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
    for (int i = 0; i < length; i++) {
      mask[i] = random.nextDouble() < retain ? scale : 0;
    }
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
}
