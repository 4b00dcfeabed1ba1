package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel's cache contract: a backward pass needs a kept forward pass of the same size. */
class MixtureKernelTest {

  private static final double[] Z = {0.5, -1.0, 2.0, 0.25, -0.75, 1.5};
  private static final double[] ALPHA = {0.5, 0.5, 0.3, 0.7, 0.9, 0.1}; // [3 neurons, 2 bases]

  private static MixtureKernel kernel() {
    return new MixtureKernel(List.of(BasisFunction.SIN, BasisFunction.RELU), 1.0);
  }

  @Test
  void backward_withoutKeptForward_throwsNamingTheFix() {
    MixtureKernel kernel = kernel();
    kernel.forward(Z, 2, 3, ALPHA, new double[6], Precision.DOUBLE, false);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> kernel.backward(Z, 2, 3, new double[6], new double[6]));
    assertTrue(e.getMessage().contains("forward(..., keep = true)"), e.getMessage());
  }

  @Test
  void keeps_afterTrainingForward_onlyTheSameLength() {
    MixtureKernel kernel = kernel();
    kernel.forward(Z, 2, 3, ALPHA, new double[6], Precision.DOUBLE, true);
    assertTrue(kernel.keeps(6));
    assertFalse(kernel.keeps(3));
  }
}
