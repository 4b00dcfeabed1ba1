package io.actmix.layer;

import java.util.Arrays;

/**
 * {@link MixtureBlocks} in double arithmetic with the basis functions within a few ulp of double:
 * for double-precision networks, whose gradients the tests check to 1e-12.
 */
final class DoubleMixtureBlocks extends MixtureBlocks {

  private double[][] coefficients = new double[0][0];
  private double[][] partialSums = new double[0][0];
  private double[][][] keptValues = new double[0][0][0];
  private double[][] keptMixed = new double[0][0];
  private double[] inputBlock = new double[0];
  private double[] outputBlock = new double[0];
  private double[] slopeBlock = new double[0];
  private double[] valueBlock = new double[0];

  DoubleMixtureBlocks(BasisFunction[] bases, double omega0) {
    super(bases, omega0);
  }

  @Override
  void layOut(double[] alpha, int neurons, int blockLength) {
    int count = bases.length;
    if (inputBlock.length < blockLength) {
      coefficients = new double[count][blockLength];
      partialSums = new double[count][blockLength];
      inputBlock = new double[blockLength];
      outputBlock = new double[blockLength];
      slopeBlock = new double[blockLength];
      valueBlock = new double[blockLength];
    }
    for (int k = 0; k < count; k++) {
      double[] c = coefficients[k];
      for (int j = 0; j < neurons; j++) {
        c[j] = alpha[j * count + k];
      }
      for (int t = neurons; t < blockLength; t += neurons) {
        System.arraycopy(c, 0, c, t, neurons);
      }
    }
  }

  @Override
  void reserveKept(int blocks, int blockLength) {
    if (keptMixed.length < blocks || keptMixed[0].length < blockLength) {
      keptValues = new double[bases.length][blocks][blockLength];
      keptMixed = new double[blocks][blockLength];
    }
  }

  @Override
  void forward(double[] z, int from, int n, int block, double[] y, boolean keep) {
    double[] zb = inputBlock;
    double[] yb = outputBlock;
    double[] slope = keep ? slopeBlock : null;
    double[] mixed = keep ? keptMixed[block] : null;
    System.arraycopy(z, from, zb, 0, n);
    for (int k = 0; k < bases.length; k++) {
      double[] value = keep ? keptValues[k][block] : valueBlock;
      bases[k].evaluate(zb, 0, n, omega0, value, slope);
      mix(coefficients[k], value, n, yb, k == 0);
      if (keep) {
        mix(coefficients[k], slope, n, mixed, k == 0);
      }
    }
    System.arraycopy(yb, 0, y, from, n);
  }

  @Override
  void clearSums(int blockLength) {
    for (double[] sums : partialSums) {
      Arrays.fill(sums, 0, blockLength, 0.0);
    }
  }

  @Override
  void backward(double[] epsilon, int from, int n, int block, double[] delta) {
    double[] eb = slopeBlock;
    double[] db = outputBlock;
    double[] mixed = keptMixed[block];
    System.arraycopy(epsilon, from, eb, 0, n);
    for (int t = 0; t < n; t++) {
      db[t] = eb[t] * mixed[t];
    }
    System.arraycopy(db, 0, delta, from, n);
    for (int k = 0; k < bases.length; k++) {
      double[] value = keptValues[k][block];
      double[] sums = partialSums[k];
      for (int t = 0; t < n; t++) {
        sums[t] += eb[t] * value[t];
      }
    }
  }

  @Override
  void foldSums(int neurons, int blockRows, double[] basisGradient) {
    int count = bases.length;
    for (int k = 0; k < count; k++) {
      double[] sums = partialSums[k];
      for (int j = 0; j < neurons; j++) {
        double g = 0.0;
        for (int q = 0; q < blockRows; q++) {
          g += sums[q * neurons + j];
        }
        basisGradient[j * count + k] = g;
      }
    }
  }

  /** {@code out[t] (=|+=) c[t] · v[t]} for {@code t < n}, assigning when {@code assign}. */
  private static void mix(double[] c, double[] v, int n, double[] out, boolean assign) {
    if (assign) {
      for (int t = 0; t < n; t++) {
        out[t] = c[t] * v[t];
      }
    } else {
      for (int t = 0; t < n; t++) {
        out[t] += c[t] * v[t];
      }
    }
  }
}
