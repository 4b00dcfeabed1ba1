package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Recomputing a mixing in place gives what a fresh one gives, and allocates only on a new shape.
 */
class MixingMathTest {

  private static final double[] FIRST = {0.0, 0.5, 1.5, -1.0, 2.0, 0.0, 0.0, 0.0};
  private static final double[] SECOND = {1.0, -0.5, 0.25, 3.0, -2.0, 0.5, 1.5, 0.0};

  @Test
  void update_otherLogitsAndTemperature_equalsAFreshMixing() {
    MixingMath updated = MixingMath.of(FIRST, 4, 1.0).update(SECOND, 0.5);
    MixingMath fresh = MixingMath.of(SECOND, 4, 0.5);

    assertArrayEquals(fresh.alpha(), updated.alpha(), 0.0);
    assertArrayEquals(fresh.neuronEntropy(), updated.neuronEntropy(), 0.0);
    assertArrayEquals(fresh.layerEntropyGradient(), updated.layerEntropyGradient(), 0.0);
    assertTrue(updated.isFor(SECOND, 0.5));
  }

  @Test
  void update_sameShape_reusesTheMixing() {
    MixingMath math = MixingMath.of(FIRST, 4, 1.0);

    assertSame(math, math.update(SECOND, 1.0));
  }

  @Test
  void update_otherShape_givesANewMixing() {
    MixingMath math = MixingMath.of(FIRST, 4, 1.0);
    MixingMath other = math.update(new double[] {0.0, 1.0, 2.0, 3.0}, 1.0);

    assertNotSame(math, other);
    assertEquals(1, other.neuronEntropy().length);
  }

  @Test
  void of_copiesTheLogits() {
    double[] logits = FIRST.clone();
    MixingMath math = MixingMath.of(logits, 4, 1.0);
    logits[0] = 9.0;

    assertTrue(math.isFor(FIRST, 1.0));
  }

  @Test
  void of_randomLogitsAtManyTemperatures_equalsTheRowByRowFormulasToTheBit() {
    SplittableRandom random = new SplittableRandom(15);
    for (double temperature : new double[] {1.0, 0.37, 0.01, 5.0}) {
      double[] logits = new double[128 * 4];
      for (int i = 0; i < logits.length; i++) {
        logits[i] = random.nextGaussian() * (i % 7 == 0 ? 40.0 : 1.0);
      }
      MixingMath math = MixingMath.of(logits, 4, temperature);
      double[][] expected = rowByRow(logits, 4, temperature);

      assertArrayEquals(expected[0], math.alpha(), 0.0, "α at T = " + temperature);
      assertArrayEquals(expected[1], math.neuronEntropy(), 0.0, "H at T = " + temperature);
      assertArrayEquals(
          expected[2], math.layerEntropyGradient(), 0.0, "∂H̄/∂a at T = " + temperature);
    }
  }

  /**
   * α, H_j and ∂H̄/∂a computed a row at a time, straight from the formulas in MixingMath's Javadoc
   * (the shifted log-softmax): {@code [0]} α, {@code [1]} H, {@code [2]} the entropy gradient.
   */
  private static double[][] rowByRow(double[] logits, int bases, double temperature) {
    int neurons = logits.length / bases;
    double[] logAlpha = new double[logits.length];
    double[] alpha = new double[logits.length];
    double[] entropy = new double[neurons];
    double[] gradient = new double[logits.length];
    for (int j = 0; j < neurons; j++) {
      int row = j * bases;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < bases; k++) {
        logAlpha[row + k] = logits[row + k] / temperature;
        max = Math.max(max, logAlpha[row + k]);
      }
      double sum = 0.0;
      for (int k = 0; k < bases; k++) {
        logAlpha[row + k] -= max;
        alpha[row + k] = Math.exp(logAlpha[row + k]);
        sum += alpha[row + k];
      }
      double logNormalizer = Math.log(sum);
      for (int k = 0; k < bases; k++) {
        logAlpha[row + k] -= logNormalizer;
        alpha[row + k] /= sum;
        entropy[j] -= alpha[row + k] * logAlpha[row + k];
      }
    }
    double scale = -1.0 / (temperature * neurons);
    for (int j = 0; j < neurons; j++) {
      for (int k = 0; k < bases; k++) {
        int i = j * bases + k;
        gradient[i] = scale * alpha[i] * (logAlpha[i] + entropy[j]);
      }
    }
    return new double[][] {alpha, entropy, gradient};
  }
}
