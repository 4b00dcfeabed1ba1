package io.actmix.layer;

import java.nio.FloatBuffer;
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
  private float[][] keptInputs = new float[0][0];
  private float[][] keptMixed = new float[0][0];
  private float[] inputBlock = new float[0];
  private float[] outputBlock = new float[0];
  private float[] slopeBlock = new float[0];
  private float[][] valueBlocks = new float[0][0];
  private double[] foldTotals = new double[0];
  private double[] foldRow = new double[0];

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
      valueBlocks = new float[count][blockLength];
    }
    if (foldTotals.length < neurons) {
      foldTotals = new double[neurons];
      foldRow = new double[neurons];
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
      keptInputs = new float[blocks][blockLength];
      keptValues = new float[bases.length][][];
      for (int k = 0; k < bases.length; k++) {
        keptValues[k] =
            bases[k] == BasisFunction.IDENTITY ? keptInputs : new float[blocks][blockLength];
      }
      keptMixed = new float[blocks][blockLength];
    }
  }

  @Override
  void forward(double[] z, int from, int n, int block, double[] y, boolean keep) {
    float[] input = keep ? keptInputs[block] : inputBlock;
    narrow(z, from, n, input);
    forward(input, n, block, keep);
    widen(outputBlock, 0, y, from, n);
  }

  /**
   * {@link #forward(double[], int, int, int, double[], boolean)} on float buffers (arrays, or a
   * float32 array's native memory), copied a block at a time as they are.
   */
  void forward(FloatBuffer z, int from, int n, int block, FloatBuffer y, boolean keep) {
    float[] input = keep ? keptInputs[block] : inputBlock;
    z.get(from, input, 0, n);
    forward(input, n, block, keep);
    y.put(from, outputBlock, 0, n);
  }

  /**
   * The forward pass from {@code input} (the block's kept input when {@code keep}) into the output
   * block: y and D start at −0 (the additive identity of float arithmetic, so that the first share
   * added is kept exactly) and every basis in turn adds its share as it evaluates, {@code y += c_k
   * φ_k(z)} and {@code D += c_k φ_k'(z)}: the sums of mixing each basis after evaluating it, in the
   * same order, to the bit, without a pass that reads every basis's values again. The values are
   * kept for the backward pass; the identity's are the input itself, not copied.
   */
  private void forward(float[] input, int n, int block, boolean keep) {
    float[] y = outputBlock;
    float[] d = keep ? keptMixed[block] : null;
    Arrays.fill(y, 0, n, -0f);
    if (d != null) {
      Arrays.fill(d, 0, n, -0f);
    }
    for (int k = 0; k < bases.length; k++) {
      float[] c = coefficients[k];
      float[] value = keep ? keptValues[k][block] : valueBlocks[k];
      switch (bases[k]) {
        case SIN -> {
          if (!SinglePrecisionMath.addSine(input, n, omega, c, value, slopeBlock, y, d)) {
            addEvaluated(bases[k], input, n, c, value, y, d); // beyond the reduction's range
          }
        }
        case TANH -> addTanh(input, n, c, value, y, d);
        case RELU -> addRelu(input, n, c, value, y, d);
        case IDENTITY -> addIdentity(input, n, c, y, d);
        default -> addEvaluated(bases[k], input, n, c, value, y, d);
      }
    }
  }

  /** Evaluates {@code basis} into {@code value} (and the slope block), then adds its share. */
  private void addEvaluated(
      BasisFunction basis, float[] z, int n, float[] c, float[] value, float[] y, float[] d) {
    basis.evaluate(z, 0, n, omega, value, d == null ? null : slopeBlock);
    add(c, value, n, y);
    if (d != null) {
      add(c, slopeBlock, n, d);
    }
  }

  /** {@code out[t] += c[t] · v[t]} for {@code t < n}. */
  private static void add(float[] c, float[] v, int n, float[] out) {
    for (int t = 0; t < n; t++) {
      out[t] += c[t] * v[t];
    }
  }

  /**
   * tanh's share: {@code value = tanh(z)} ({@link SinglePrecisionMath#tanh(float[], int, int,
   * float[])}), {@code y += c · value}, {@code d += c · (1 − value²)}. Two loops: one with tanh's
   * arithmetic and three stores is too large for the JIT to unroll, and ran element by element in
   * some JVMs, three times slower.
   */
  private static void addTanh(float[] z, int n, float[] c, float[] value, float[] y, float[] d) {
    SinglePrecisionMath.tanh(z, 0, n, value);
    if (d == null) {
      add(c, value, n, y);
    } else {
      for (int t = 0; t < n; t++) {
        float v = value[t];
        y[t] += c[t] * v;
        d[t] += c[t] * (1f - v * v);
      }
    }
  }

  /**
   * ReLU's share: {@code value = max(z, 0)}, {@code y += c · value}, {@code d += c · [z > 0]} (the
   * step as {@link BasisFunction#RELU} computes it: 2^200 lifts the least positive float above 1).
   */
  private static void addRelu(float[] z, int n, float[] c, float[] value, float[] y, float[] d) {
    for (int t = 0; t < n; t++) {
      value[t] = Math.max(z[t], 0f);
    }
    if (d == null) {
      add(c, value, n, y);
    } else {
      for (int t = 0; t < n; t++) {
        float r = value[t];
        y[t] += c[t] * r;
        d[t] += c[t] * Math.min(r * 0x1p100f * 0x1p100f, 1f);
      }
    }
  }

  /** The identity's share: {@code y += c · z}, {@code d += c} ({@code c · 1}, exactly). */
  private static void addIdentity(float[] z, int n, float[] c, float[] y, float[] d) {
    if (d == null) {
      add(c, z, n, y);
    } else {
      for (int t = 0; t < n; t++) {
        y[t] += c[t] * z[t];
        d[t] += c[t];
      }
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
    widen(outputBlock, 0, delta, from, n);
  }

  /** {@link #backward(double[], int, int, int, double[])} on float buffers, as {@link #forward}. */
  void backward(FloatBuffer epsilon, int from, int n, int block, FloatBuffer delta) {
    epsilon.get(from, slopeBlock, 0, n);
    backward(n, block);
    delta.put(from, outputBlock, 0, n);
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

  /**
   * {@code g_jk = Σ_q sums_k[q n + j]}, summed in double in the order of q: each row of partial
   * sums widened into a row of doubles, then added to the row of totals (two loops that each index
   * their arrays alike, and so run as vector code; a loop down the columns runs element by
   * element).
   */
  @Override
  void foldSums(int neurons, int blockRows, double[] basisGradient) {
    int count = bases.length;
    double[] totals = foldTotals;
    double[] row = foldRow;
    for (int k = 0; k < count; k++) {
      float[] sums = partialSums[k];
      Arrays.fill(totals, 0, neurons, 0.0);
      for (int q = 0; q < blockRows; q++) {
        widen(sums, q * neurons, row, 0, neurons);
        for (int j = 0; j < neurons; j++) {
          totals[j] += row[j];
        }
      }
      for (int j = 0; j < neurons; j++) {
        basisGradient[j * count + k] = totals[j];
      }
    }
  }

  /** {@code out[t] = (float) in[from + t]} for {@code t < n}. */
  private static void narrow(double[] in, int from, int n, float[] out) {
    for (int t = 0; t < n; t++) {
      out[t] = (float) in[from + t];
    }
  }

  /** {@code out[outFrom + t] = in[inFrom + t]} for {@code t < n}. */
  private static void widen(float[] in, int inFrom, double[] out, int outFrom, int n) {
    for (int t = 0; t < n; t++) {
      out[outFrom + t] = in[inFrom + t];
    }
  }
}
