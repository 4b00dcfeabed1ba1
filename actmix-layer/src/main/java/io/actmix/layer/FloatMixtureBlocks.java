package io.actmix.layer;

import java.util.Arrays;

/**
 * {@link MixtureBlocks} in float arithmetic with the basis functions to float32 resolution ({@link
 * SinglePrecisionMath}): for float32 and narrower networks, whose values are rounded to 24 bits
 * anyway. A vector instruction holds twice as many floats as doubles, and the kept values take half
 * the memory.
 *
 * <p>z, ε, y and δ are float arrays, or double arrays narrowed and widened a block at a time, each
 * in a loop of its own (the JIT vectorizes a loop that only converts, not one that converts and
 * computes). {@code g}'s partial sums are float sums over a column of blocks, as a float32 matrix
 * product sums, folded in double by the kernel.
 */
final class FloatMixtureBlocks extends MixtureBlocks {

  private final float omega;
  private float[][] coefficients = new float[0][0];
  private float[][] partialSums = new float[0][0];
  private float[][][] keptValues = new float[0][0][0];
  private float[][] keptMixed = new float[0][0];
  private float[] inputBlock = new float[0];
  private float[] outputBlock = new float[0];
  private float[] slopeBlock = new float[0];
  private float[][] slopeBlocks = new float[0][0];
  private float[][] valueBlocks = new float[0][0];
  private float[][] blockValues;

  FloatMixtureBlocks(BasisFunction[] bases, double omega0) {
    super(bases, omega0);
    this.omega = (float) omega0;
  }

  @Override
  void layOut(double[] alpha, int neurons, int blockLength) {
    int count = bases.length;
    if (inputBlock.length < blockLength) {
      coefficients = new float[count][blockLength];
      partialSums = new float[count][blockLength];
      inputBlock = new float[blockLength];
      outputBlock = new float[blockLength];
      slopeBlock = new float[blockLength];
      slopeBlocks = new float[count][blockLength];
      valueBlocks = new float[count][blockLength];
      blockValues = new float[count][];
    }
    for (int k = 0; k < count; k++) {
      float[] c = coefficients[k];
      for (int j = 0; j < neurons; j++) {
        c[j] = (float) alpha[j * count + k];
      }
      for (int t = neurons; t < blockLength; t += neurons) {
        System.arraycopy(c, 0, c, t, neurons);
      }
    }
  }

  @Override
  void reserveKept(int blocks, int blockLength) {
    if (keptMixed.length < blocks || keptMixed[0].length < blockLength) {
      keptValues = new float[bases.length][blocks][blockLength];
      keptMixed = new float[blocks][blockLength];
    }
  }

  @Override
  void forward(double[] z, int from, int n, int block, double[] y, boolean keep) {
    narrow(z, from, n, inputBlock);
    forward(n, block, keep);
    widen(outputBlock, n, y, from);
  }

  /**
   * {@link #forward(double[], int, int, int, double[], boolean)} on float arrays, copied as they
   * are.
   */
  void forward(float[] z, int from, int n, int block, float[] y, boolean keep) {
    System.arraycopy(z, from, inputBlock, 0, n);
    forward(n, block, keep);
    System.arraycopy(outputBlock, 0, y, from, n);
  }

  /**
   * The forward pass from the input block into the output block: every basis evaluated first, each
   * into arrays of its own, then y and D mixed (the same sums, in the same order, as mixing each
   * basis after evaluating it).
   */
  private void forward(int n, int block, boolean keep) {
    int count = bases.length;
    float[][] values = blockValues;
    for (int k = 0; k < count; k++) {
      values[k] = keep ? keptValues[k][block] : valueBlocks[k];
      bases[k].evaluate(inputBlock, 0, n, omega, values[k], keep ? slopeBlocks[k] : null);
    }
    mix(values, n, outputBlock);
    if (keep) {
      mix(slopeBlocks, n, keptMixed[block]);
    }
  }

  @Override
  void clearSums(int blockLength) {
    for (float[] sums : partialSums) {
      Arrays.fill(sums, 0, blockLength, 0f);
    }
  }

  @Override
  void backward(double[] epsilon, int from, int n, int block, double[] delta) {
    narrow(epsilon, from, n, slopeBlock);
    backward(n, block);
    widen(outputBlock, n, delta, from);
  }

  /** {@link #backward(double[], int, int, int, double[])} on float arrays, copied as they are. */
  void backward(float[] epsilon, int from, int n, int block, float[] delta) {
    System.arraycopy(epsilon, from, slopeBlock, 0, n);
    backward(n, block);
    System.arraycopy(outputBlock, 0, delta, from, n);
  }

  /** The backward pass from ε in the slope block into δ in the output block and the sums. */
  private void backward(int n, int block) {
    float[] eb = slopeBlock;
    float[] db = outputBlock;
    float[] mixed = keptMixed[block];
    for (int t = 0; t < n; t++) {
      db[t] = eb[t] * mixed[t];
    }
    for (int k = 0; k < bases.length; k++) {
      float[] value = keptValues[k][block];
      float[] sums = partialSums[k];
      for (int t = 0; t < n; t++) {
        sums[t] += eb[t] * value[t];
      }
    }
  }

  @Override
  void foldSums(int neurons, int blockRows, double[] basisGradient) {
    int count = bases.length;
    for (int k = 0; k < count; k++) {
      float[] sums = partialSums[k];
      for (int j = 0; j < neurons; j++) {
        double g = 0.0;
        for (int q = 0; q < blockRows; q++) {
          g += sums[q * neurons + j];
        }
        basisGradient[j * count + k] = g;
      }
    }
  }

  /** {@code out[t] = (float) in[from + t]} for {@code t < n}. */
  private static void narrow(double[] in, int from, int n, float[] out) {
    for (int t = 0; t < n; t++) {
      out[t] = (float) in[from + t];
    }
  }

  /** {@code out[from + t] = in[t]} for {@code t < n}. */
  private static void widen(float[] in, int n, double[] out, int from) {
    for (int t = 0; t < n; t++) {
      out[from + t] = in[t];
    }
  }

  /**
   * {@code out[t] = Σ_k c_k[t] · v_k[t]} for {@code t < n}, summed in the order of k, one pass per
   * basis: a single pass over four bases, reading nine arrays, is not vectorized (the forward pass
   * took 2.5 times as long with it).
   */
  private void mix(float[][] v, int n, float[] out) {
    for (int k = 0; k < bases.length; k++) {
      float[] c = coefficients[k];
      float[] vk = v[k];
      if (k == 0) {
        for (int t = 0; t < n; t++) {
          out[t] = c[t] * vk[t];
        }
      } else {
        for (int t = 0; t < n; t++) {
          out[t] += c[t] * vk[t];
        }
      }
    }
  }
}
