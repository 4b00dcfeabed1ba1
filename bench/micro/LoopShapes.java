package io.actmix.bench;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loop shapes that decide whether Java 17's C2 compiles a loop to vector code, and what one
 * ND4J op costs, on the sizes of a power_plant minibatch (128 × 128 = 16,384 elements, float32
 * parameters of the 17,281-parameter network). Run by bench/micro-bench.sh; prints the median of
 * 9 rounds of each.
 */
public final class LoopShapes {

  private LoopShapes() {}

  private static final int N = 128 * 128;

  public static void main(String[] args) {
    Random random = new Random(1);
    double[] v = random.doubles(N).toArray();
    double[] out = new double[N];
    double[] coefficients = random.doubles(N).toArray();
    double[] row = random.doubles(128).toArray();
    System.out.println("16,384 elements, µs per loop:");
    time("out[row + j] += a[j] · v[row + j]   (indexed unlike)", () -> unlike(v, row, out));
    time("out[i] += c[i] · v[i]               (indexed alike)", () -> alike(v, coefficients, out));

    int parameters = 17_281;
    double[] g = random.doubles(parameters).toArray();
    double[] w = random.doubles(parameters).toArray();
    System.out.println("17,281 parameters, µs per loop:");
    time("g[i] = (double) (float) g[i] + f · w[i]   (cast)", () -> roundByCast(g, w));
    time("g[i] = veltkamp(g[i]) + f · w[i]          (double ops)", () -> roundBySplitting(g, w));

    double[] mask = new double[N];
    java.util.SplittableRandom draws = new java.util.SplittableRandom(7);
    System.out.println("16,384 dropout draws (retain 0.9), µs per mask:");
    time("SplittableRandom.nextDouble, one call at a time", () -> maskByCalls(draws, mask));
    time("SplitMix64's i-th draw from seed + i·γ (same values)", () -> maskByIndex(mask));

    INDArray left = Nd4j.rand(DataType.FLOAT, 128, 128);
    INDArray right = Nd4j.rand(DataType.FLOAT, 128, 128);
    INDArray product = Nd4j.create(DataType.FLOAT, new long[] {128, 128}, 'c');
    INDArray bias = Nd4j.rand(DataType.FLOAT, 1, 128);
    INDArray sums = Nd4j.create(DataType.FLOAT, 1, 128);
    System.out.println("ND4J ops on 128 × 128 float32, µs per op:");
    time("gemm (the dense layer's product)", () -> Nd4j.gemm(left, right, product, false, false, 1, 0));
    time("addiRowVector (the bias)", () -> product.addiRowVector(bias));
    time("sum over rows (the bias gradient)", () -> left.sum(sums, 0));
  }

  private static void unlike(double[] v, double[] a, double[] out) {
    for (int r = 0; r < 128; r++) {
      int row = r * 128;
      for (int j = 0; j < 128; j++) {
        out[row + j] += a[j] * v[row + j];
      }
    }
  }

  private static void alike(double[] v, double[] c, double[] out) {
    for (int i = 0; i < N; i++) {
      out[i] += c[i] * v[i];
    }
  }

  private static void roundByCast(double[] g, double[] w) {
    for (int i = 0; i < g.length; i++) {
      g[i] = (double) (float) g[i] + 1e-7 * w[i];
    }
  }

  private static void roundBySplitting(double[] g, double[] w) {
    for (int i = 0; i < g.length; i++) {
      double c = (0x1p29 + 1) * g[i];
      g[i] = (c - (c - g[i])) + 1e-7 * w[i];
    }
  }

  private static void maskByCalls(java.util.SplittableRandom random, double[] mask) {
    for (int i = 0; i < mask.length; i++) {
      mask[i] = random.nextDouble() < 0.9 ? 1 / 0.9 : 0;
    }
  }

  private static long state = 7;

  private static void maskByIndex(double[] mask) {
    long threshold = (long) Math.ceil(0.9 * 0x1p53);
    for (int i = 0; i < mask.length; i++) {
      long z = state + (i + 1) * 0x9e3779b97f4a7c15L;
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      z ^= z >>> 31;
      mask[i] = (((z >>> 11) - threshold) >>> 63) * (1 / 0.9);
    }
    state += mask.length * 0x9e3779b97f4a7c15L;
  }

  private static void time(String name, Runnable pass) {
    int passes = 2_000;
    double[] rounds = new double[9];
    for (int round = -3; round < rounds.length; round++) { // three rounds of warm-up
      long start = System.nanoTime();
      for (int i = 0; i < passes; i++) {
        pass.run();
      }
      if (round >= 0) {
        rounds[round] = (System.nanoTime() - start) / 1e3 / passes;
      }
    }
    java.util.Arrays.sort(rounds);
    System.out.printf("  %-58s %7.2f%n", name, rounds[rounds.length / 2]);
  }
}
