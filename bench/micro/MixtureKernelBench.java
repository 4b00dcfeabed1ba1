package io.actmix.layer;

import java.util.Random;

/**
 * Microseconds per forward (training, values kept) and backward pass of the ActMix mixture kernel
 * on one minibatch of power_plant's shapes (128 rows × 128 neurons, the default four bases): on
 * double arrays in float arithmetic and in double arithmetic, and on float arrays (a float32
 * network's layer). Run by bench/micro-bench.sh; prints the median of 9 rounds of 2,000 passes
 * each.
 */
public final class MixtureKernelBench {

  private MixtureKernelBench() {}

  public static void main(String[] args) {
    int rows = 128;
    int neurons = 128;
    for (Precision precision : Precision.values()) {
      double[][] times = run(rows, neurons, precision);
      System.out.printf(
          "%-6s forward %6.1f µs   backward %6.1f µs   (double arrays)%n",
          precision, median(times[0]), median(times[1]));
    }
    double[][] times = runFloats(rows, neurons);
    System.out.printf(
        "FLOAT  forward %6.1f µs   backward %6.1f µs   (float arrays)%n",
        median(times[0]), median(times[1]));
  }

  /** As {@link #run}, on float arrays: the path a float32 network's layer takes. */
  private static double[][] runFloats(int rows, int neurons) {
    Random random = new Random(1);
    int length = rows * neurons;
    float[] z = new float[length];
    float[] epsilon = new float[length];
    for (int i = 0; i < length; i++) {
      z[i] = (float) (random.nextGaussian() * 1.5);
      epsilon[i] = (float) random.nextGaussian();
    }
    float[] y = new float[length];
    float[] delta = new float[length];
    double[] alpha = uniformAlpha(neurons);
    double[] g = new double[alpha.length];
    MixtureKernel kernel = new MixtureKernel(ActMixLayer.DEFAULT_BASIS_FUNCTIONS, 1.0);
    double[][] times =
        time(
            () -> kernel.forward(z, rows, neurons, alpha, y, true),
            () -> kernel.backward(epsilon, rows, neurons, delta, g));
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
    double[] y = new double[length];
    double[] delta = new double[length];
    double[] alpha = uniformAlpha(neurons);
    double[] g = new double[alpha.length];
    MixtureKernel kernel = new MixtureKernel(ActMixLayer.DEFAULT_BASIS_FUNCTIONS, 1.0);
    double[][] times =
        time(
            () -> kernel.forward(z, rows, neurons, alpha, y, precision, true),
            () -> kernel.backward(epsilon, rows, neurons, delta, g));
    if (Double.isNaN(y[7] + delta[7] + g[7])) {
      throw new AssertionError("NaN in the kernel's output");
    }
    return times;
  }

  /** α = 1/4 for every neuron and basis, [neurons, 4] row-major. */
  private static double[] uniformAlpha(int neurons) {
    double[] alpha = new double[neurons * 4];
    java.util.Arrays.fill(alpha, 0.25);
    return alpha;
  }

  /**
   * µs per forward and per backward pass in each of 9 rounds of 2,000 passes, after three rounds of
   * warm-up: {@code [0]} forward, {@code [1]} backward. Any two passes alternate the same way
   * ({@code FusedKernelProbe} times two forward passes with it).
   */
  static double[][] time(Runnable forward, Runnable backward) {
    int passes = 2_000;
    double[][] times = new double[2][9];
    for (int round = -3; round < 9; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < passes; i++) {
        forward.run();
      }
      long middle = System.nanoTime();
      for (int i = 0; i < passes; i++) {
        backward.run();
      }
      long end = System.nanoTime();
      if (round >= 0) {
        times[0][round] = (middle - start) / 1e3 / passes;
        times[1][round] = (end - middle) / 1e3 / passes;
      }
    }
    return times;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
