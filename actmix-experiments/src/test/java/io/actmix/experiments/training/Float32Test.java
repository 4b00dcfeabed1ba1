package io.actmix.experiments.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rounding to float32 in double arithmetic: the float cast's value wherever training goes. */
class Float32Test {

  @Test
  void round_randomDoublesOverFloatRange_equalsFloatCast() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 1_000_000; i++) {
      // Magnitudes 1e-30 … 1e30, both signs: float32's normal range with margin.
      double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-30, 31));
      assertEquals((double) (float) x, Float32.round(x), "x = " + x);
    }
  }

  @Test
  void round_productsOfFloats_equalsFloatCast() {
    // Values as the passes form them: products and sums of float32 values, exact in double.
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 1_000_000; i++) {
      double a = (float) random.nextGaussian();
      double b = (float) (random.nextGaussian() * 1e-3);
      double x = 0.9 * a + 0.1 * a * b;
      assertEquals((double) (float) x, Float32.round(x), "x = " + x);
    }
  }

  @Test
  void round_floatValue_unchanged() {
    for (double x : new double[] {0.0, -0.0, 1.0, -0.1f, 3.4e38f, 1.2e-38f, 16777217.0f}) {
      assertEquals(x, Float32.round(x));
    }
  }

  @Test
  void round_belowFloatResolution_dropsTheLowBits() {
    assertEquals(1.0, Float32.round(1.0 + 0x1p-30));
  }

  @Test
  void round_notSingle_leavesTheValue() {
    assertEquals(1.0 + 0x1p-30, Float32.round(1.0 + 0x1p-30, false));
  }
}
