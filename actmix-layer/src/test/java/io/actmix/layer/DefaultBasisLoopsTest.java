package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default basis' single loops against the short loops they stand in for: the same values to the
 * bit (compared with a tolerance of 0), over several blocks with a partial last one, in blocks
 * whose arguments the float sine reduces and in blocks with an argument it hands to {@link
 * Math#sin}.
 */
class DefaultBasisLoopsTest {

  private static final BasisFunction[] DEFAULT =
      ActMixLayer.DEFAULT_BASIS_FUNCTIONS.toArray(new BasisFunction[0]);
  private static final float OMEGA = 1.3f;

  @ParameterizedTest
  @CsvSource({"300, 7, 0", "9, 128, 0", "300, 7, 20000", "9, 128, 1e30"})
  void passes_singleLoops_equalShortLoopsBitForBit(int rows, int neurons, float outlier) {
    Pass single = new Pass(rows, neurons, outlier, true);
    Pass short_ = new Pass(rows, neurons, outlier, false);

    assertArrayEquals(short_.y, single.y, 0f, "y");
    assertArrayEquals(short_.delta, single.delta, 0f, "δ");
    assertArrayEquals(short_.basisGradient, single.basisGradient, 0.0, "g");
  }

  @Test
  void forward_withoutKeeping_equalsKeptForward() {
    Pass kept = new Pass(300, 7, 0f, true);
    float[] y = new float[kept.y.length];
    MixtureKernel kernel = new MixtureKernel(new FloatMixtureBlocks(DEFAULT, OMEGA, true));

    kernel.forward(kept.z, 300, 7, kept.alpha, y, false);

    assertArrayEquals(kept.y, y, 0f);
  }

  @Test
  void inRange_argumentBeyondTheReductionLimitOrNaN_isFalse() {
    float limit = SinglePrecisionMath.FLOAT_REDUCTION_LIMIT;

    assertEquals(true, DefaultBasisLoops.inRange(new float[] {0f, -limit, limit}, 3, 1f));
    assertEquals(false, DefaultBasisLoops.inRange(new float[] {0f, Math.nextUp(limit)}, 2, 1f));
    assertEquals(false, DefaultBasisLoops.inRange(new float[] {Float.NaN}, 1, 1f));
    assertEquals(false, DefaultBasisLoops.inRange(new float[] {limit}, 1, 2f));
  }

  /** A kept forward pass and its backward pass on float arrays, with the loops chosen. */
  private static final class Pass {
    final float[] z;
    final double[] alpha;
    final float[] y;
    final float[] delta;
    final double[] basisGradient;

    Pass(int rows, int neurons, float outlier, boolean singleLoops) {
      Random random = new Random(11);
      int length = rows * neurons;
      z = new float[length];
      float[] epsilon = new float[length];
      for (int i = 0; i < length; i++) {
        z[i] = (float) (random.nextGaussian() * 3); // tanh clamps beyond 7.9, ReLU's step at 0
        epsilon[i] = (float) random.nextGaussian();
      }
      z[length / 2] = 0f;
      if (outlier != 0f) {
        z[length - 3] = outlier; // in the last block: every other block takes the single loops
      }
      alpha = new double[neurons * DEFAULT.length];
      for (int i = 0; i < alpha.length; i++) {
        alpha[i] = random.nextDouble();
      }
      y = new float[length];
      delta = new float[length];
      basisGradient = new double[alpha.length];
      MixtureKernel kernel = new MixtureKernel(new FloatMixtureBlocks(DEFAULT, OMEGA, singleLoops));
      kernel.forward(z, rows, neurons, alpha, y, true);
      kernel.backward(epsilon, rows, neurons, delta, basisGradient);
    }
  }
}
