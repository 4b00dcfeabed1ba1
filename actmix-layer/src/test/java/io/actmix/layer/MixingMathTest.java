package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
