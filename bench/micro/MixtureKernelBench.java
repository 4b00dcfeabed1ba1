package io.actmix.layer;

import java.util.Random;

/**
 * Microseconds per forward (training, values kept) and backward pass of the ActMix mixture kernel
 * on one minibatch of power_plant's shapes (128 rows × 128 neurons, the default four bases): on
 * double arrays in float arithmetic and in double arithmetic, and on float arrays (a float32
 * network's layer) in the short loops and in the default basis' single loops. With the argument
 * {@code float}, the float arrays only. Run by bench/micro-bench.sh; prints the median of 9 rounds
 * of 2,000 passes each.
 */
public final class MixtureKernelBench {

  private MixtureKernelBench() {}

  public static void main(String[] args) {
    int rows = 128;
    int neurons = 128;
    boolean floatsOnly = args.length > 0 && args[0].equals("float");
    if (!floatsOnly) {
      for (Precision precision : Precision.values()) {
        double[][] times = run(rows, neurons, precision);
        System.out.printf(
            "%-6s forward %6.1f µs   backward %6.1f µs   (double arrays)%n",
            precision, median(times[0]), median(times[1]));
      }
    }
    for (boolean singleLoops : new boolean[] {false, true}) {
      double[][] times = runFloats(rows, neurons, singleLoops);
      System.out.printf(
          "FLOAT  forward %6.1f µs   backward %6.1f µs   (float arrays, %s)%n",
          median(times[0]),
          median(times[1]),
          singleLoops ? "one loop per pass" : "short loops");
    }
  }

  /**
   * As {@link #run}, on float arrays: the path a float32 network's layer takes, in the default
   * basis' single loops or in the short loops.
   */
  private static double[][] runFloats(int rows, int neurons, boolean singleLoops) {
    Random random = new Random(1);
    int length = rows * neurons;
    float[] z = new float[length];
    float[] epsilon = new float[length];
    for (int i = 0; i < length; i++) {
      z[i] = (float) (random.nextGaussian() * 1.5);
      epsilon[i] = (float) random.nextGaussian();
    }
    double[] alpha = new double[neurons * 4];
    java.util.Arrays.fill(alpha, 0.25);
    float[] y = new float[length];
    float[] delta = new float[length];
    double[] g = new double[neurons * 4];
    BasisFunction[] bases = ActMixLayer.DEFAULT_BASIS_FUNCTIONS.toArray(new BasisFunction[0]);
    MixtureKernel kernel = new MixtureKernel(new FloatMixtureBlocks(bases, 1.0, singleLoops));
    int passes = 2_000;
    double[][] times = new double[2][9];
    for (int round = -3; round < 9; round++) { // three rounds of warm-up
      long start = System.nanoTime();
      for (int i = 0; i < passes; i++) {
        kernel.forward(z, rows, neurons, alpha, y, true);
      }
      long middle = System.nanoTime();
      for (int i = 0; i < passes; i++) {
        kernel.backward(epsilon, rows, neurons, delta, g);
      }
      long end = System.nanoTime();
      if (round >= 0) {
        times[0][round] = (middle - start) / 1e3 / passes;
        times[1][round] = (end - middle) / 1e3 / passes;
      }
    }
    if (Float.isNaN(y[7] + delta[7]) || Double.isNaN(g[7])) {
      throw new AssertionError("NaN in the kernel's output");
    }
    return times;
  }

  private static double[][] run(int rows, int neurons, Precision precision) {
    Random random = new Random(1);
    int length = rows * neurons;
    double[] z = new double[length];
    double[] epsilon = new double[length];
    for (int i = 0; i < length; i++) {
      z[i] = (float) (random.nextGaussian() * 1.5);
      epsilon[i] = (float) random.nextGaussian();
    }
    double[] alpha = new double[neurons * 4];
    java.util.Arrays.fill(alpha, 0.25);
    double[] y = new double[length];
    double[] delta = new double[length];
    double[] g = new double[neurons * 4];
    MixtureKernel kernel = new MixtureKernel(ActMixLayer.DEFAULT_BASIS_FUNCTIONS, 1.0);
    int passes = 2_000;
    double[][] times = new double[2][9];
    for (int round = -3; round < 9; round++) { // three rounds of warm-up
      long start = System.nanoTime();
      for (int i = 0; i < passes; i++) {
        kernel.forward(z, rows, neurons, alpha, y, precision, true);
      }
      long middle = System.nanoTime();
      for (int i = 0; i < passes; i++) {
        kernel.backward(epsilon, rows, neurons, delta, g);
      }
      long end = System.nanoTime();
      if (round >= 0) {
        times[0][round] = (middle - start) / 1e3 / passes;
        times[1][round] = (end - middle) / 1e3 / passes;
      }
    }
    if (Double.isNaN(y[7] + delta[7] + g[7])) {
      throw new AssertionError("NaN in the kernel's output");
    }
    return times;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
