package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kernel's passes against the formulas element by element, over several blocks of rows (the
 * last one partial, and rows longer than a block); and its cache contract: a backward pass needs a
 * kept forward pass of the same size.
 */
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

  /**
   * Shapes that cross blocks: 300 rows of 7 neurons (146 rows a block, the third partial); 3 rows
   * of 1500 neurons (a row longer than a block).
   */
  @ParameterizedTest
  @CsvSource({"300, 7", "3, 1500"})
  void forward_acrossBlocks_equalsFormulaPerElement(int rows, int neurons) {
    Pass pass = new Pass(rows, neurons);
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < neurons; j++) {
        int i = r * neurons + j;
        double expected = 0.0;
        for (int k = 0; k < BASES.size(); k++) {
          expected += pass.alpha[j * BASES.size() + k] * BASES.get(k).apply(pass.z[i], OMEGA_0);
        }
        // Sums of four terms of order 1 in double: a few ulp.
        assertEquals(expected, pass.y[i], 1e-14, "y at row " + r + ", neuron " + j);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"300, 7", "3, 1500"})
  void backward_acrossBlocks_equalsFormulaPerElement(int rows, int neurons) {
    Pass pass = new Pass(rows, neurons);
    int count = BASES.size();
    for (int j = 0; j < neurons; j++) {
      for (int k = 0; k < count; k++) {
        double expected = 0.0;
        for (int r = 0; r < rows; r++) {
          int i = r * neurons + j;
          expected += pass.epsilon[i] * BASES.get(k).apply(pass.z[i], OMEGA_0);
        }
        // Sums of up to 300 products of order 1, in another order: rounding ≲ 300 ulp of 300.
        assertEquals(expected, pass.basisGradient[j * count + k], 1e-11, "g at " + j + ", " + k);
      }
    }
    int i = rows * neurons - 1; // the last element, in the last block
    double slope = 0.0;
    for (int k = 0; k < count; k++) {
      double h = 1e-6;
      double difference =
          BASES.get(k).apply(pass.z[i] + h, OMEGA_0) - BASES.get(k).apply(pass.z[i] - h, OMEGA_0);
      slope += pass.alpha[(neurons - 1) * count + k] * difference / (2 * h);
    }
    // Central difference: truncation and rounding below 1e-9 (no kink of ReLU within h of z).
    assertEquals(pass.epsilon[i] * slope, pass.delta[i], 1e-8);
  }

  /**
   * The float arithmetic against the double one. Bounds: y and δ sum four terms with α ≤ 1 and
   * basis values up to 3, each within a few float32 ulp of 3 (1e-6 for all four); g sums up to 300
   * products of magnitude up to 3 in float, each partial sum rounded: 300 · 3 · 1.2e-7 ≈ 1e-4.
   */
  @ParameterizedTest
  @CsvSource({"300, 7", "3, 1500"})
  void passes_singlePrecision_withinFloatResolutionOfDouble(int rows, int neurons) {
    Pass exact = new Pass(rows, neurons, Precision.DOUBLE);
    Pass single = new Pass(rows, neurons, Precision.SINGLE);

    for (int i = 0; i < exact.y.length; i++) {
      assertEquals(exact.y[i], single.y[i], 1e-6, "y at " + i);
      assertEquals(exact.delta[i], single.delta[i], 1e-6, "δ at " + i);
    }
    for (int i = 0; i < exact.basisGradient.length; i++) {
      assertEquals(exact.basisGradient[i], single.basisGradient[i], 1e-4, "g at " + i);
    }
  }

  @Test
  void forward_floatArrays_equalDoubleArraysInFloatArithmetic() {
    Pass doubles = new Pass(300, 7, Precision.SINGLE);
    int length = doubles.z.length;
    float[] z = new float[length];
    float[] epsilon = new float[length];
    for (int i = 0; i < length; i++) {
      z[i] = (float) doubles.z[i];
      epsilon[i] = (float) doubles.epsilon[i];
    }
    float[] y = new float[length];
    float[] delta = new float[length];
    double[] basisGradient = new double[doubles.basisGradient.length];
    MixtureKernel kernel = new MixtureKernel(BASES, OMEGA_0);

    kernel.forward(z, 300, 7, doubles.alpha, y, true);
    kernel.backward(epsilon, 300, 7, delta, basisGradient);

    for (int i = 0; i < length; i++) {
      assertEquals(doubles.y[i], y[i], 0.0, "y at " + i);
      assertEquals(doubles.delta[i], delta[i], 0.0, "δ at " + i);
    }
    assertArrayEquals(doubles.basisGradient, basisGradient, 0.0);
  }

  /**
   * The float forward pass adds each basis's share as it evaluates it; the contract is the plain
   * one: each basis evaluated on its own ({@link BasisFunction#evaluate(float[], int, int, float,
   * float[], float[])}), then {@code y = Σ_k c_k φ_k} and {@code D = Σ_k c_k φ_k'} summed in float
   * in the order of k, to the bit (y of a training and of an inference pass, and {@code δ = ε D}).
   * Every basis function, a partial last block, and inputs beyond the sine's reduction range in one
   * block (its share then comes from the evaluated values), zeros of both signs, a subnormal, NaN
   * and an infinity.
   */
  @ParameterizedTest
  @CsvSource({"default", "all"})
  void forward_floatArithmetic_equalsEachBasisMixedInBasisOrder(String set) {
    List<BasisFunction> bases = set.equals("default") ? BASES : List.of(BasisFunction.values());
    int rows = 300;
    int neurons = 7;
    int length = rows * neurons;
    int count = bases.size();
    Random random = new Random(7);
    float[] z = new float[length];
    float[] epsilon = new float[length];
    for (int i = 0; i < length; i++) {
      z[i] = (float) (random.nextGaussian() * 2.0);
      epsilon[i] = (float) random.nextGaussian();
    }
    z[1] = -0f;
    z[2] = 0f;
    z[3] = 1e-40f;
    z[4] = Float.NaN;
    z[5] = Float.NEGATIVE_INFINITY;
    z[length - 1] = 1e5f; // beyond the reduction range: the last block's sine takes Math's path
    double[] alpha = random.doubles((long) neurons * count, 0.0, 1.0).toArray();

    float[] expectedY = new float[length];
    float[] expectedD = new float[length];
    float[] value = new float[length];
    float[] slope = new float[length];
    for (int k = 0; k < count; k++) {
      bases.get(k).evaluate(z, 0, length, (float) OMEGA_0, value, slope);
      for (int i = 0; i < length; i++) {
        float c = (float) alpha[(i % neurons) * count + k];
        expectedY[i] = k == 0 ? c * value[i] : expectedY[i] + c * value[i];
        expectedD[i] = k == 0 ? c * slope[i] : expectedD[i] + c * slope[i];
      }
    }
    MixtureKernel kernel = new MixtureKernel(bases, OMEGA_0);
    float[] inferred = new float[length];
    kernel.forward(z, rows, neurons, alpha, inferred, false);
    float[] trained = new float[length];
    kernel.forward(z, rows, neurons, alpha, trained, true);
    float[] delta = new float[length];
    kernel.backward(epsilon, rows, neurons, delta, new double[neurons * count]);

    for (int i = 0; i < length; i++) {
      int bits = Float.floatToIntBits(expectedY[i]);
      assertEquals(bits, Float.floatToIntBits(inferred[i]), "inference y at " + i);
      assertEquals(bits, Float.floatToIntBits(trained[i]), "training y at " + i);
      assertEquals(
          Float.floatToIntBits(epsilon[i] * expectedD[i]),
          Float.floatToIntBits(delta[i]),
          "δ at " + i);
    }
  }

  @Test
  void backward_floatArraysAfterDoubleArithmetic_throwsNamingTheFix() {
    MixtureKernel kernel = kernel();
    kernel.forward(Z, 2, 3, ALPHA, new double[6], Precision.DOUBLE, true);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> kernel.backward(new float[6], 2, 3, new float[6], new double[6]));
    assertTrue(e.getMessage().contains("run forward on float arrays"), e.getMessage());
  }

  private static final List<BasisFunction> BASES = ActMixLayer.DEFAULT_BASIS_FUNCTIONS;
  private static final double OMEGA_0 = 1.3;

  /** A kept forward pass and its backward pass in double precision on seeded random arrays. */
  private static final class Pass {
    final double[] z;
    final double[] alpha;
    final double[] epsilon;
    final double[] y;
    final double[] delta;
    final double[] basisGradient;

    Pass(int rows, int neurons) {
      this(rows, neurons, Precision.DOUBLE);
    }

    /** Inputs are float32 values, so that both precisions see the same ones. */
    Pass(int rows, int neurons, Precision precision) {
      Random random = new Random(42);
      int length = rows * neurons;
      z = random.doubles(length, -3.0, 3.0).map(x -> (float) x).toArray();
      epsilon = random.doubles(length, -1.0, 1.0).map(x -> (float) x).toArray();
      alpha = random.doubles((long) neurons * BASES.size(), 0.0, 1.0).map(x -> (float) x).toArray();
      y = new double[length];
      delta = new double[length];
      basisGradient = new double[neurons * BASES.size()];
      MixtureKernel kernel = new MixtureKernel(BASES, OMEGA_0);
      kernel.forward(z, rows, neurons, alpha, y, precision, true);
      kernel.backward(epsilon, rows, neurons, delta, basisGradient);
    }
  }
}
