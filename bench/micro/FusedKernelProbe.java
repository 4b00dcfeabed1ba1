package io.actmix.layer;

import static io.actmix.layer.SinglePrecisionMath.C10_F;
import static io.actmix.layer.SinglePrecisionMath.C12_F;
import static io.actmix.layer.SinglePrecisionMath.C2_F;
import static io.actmix.layer.SinglePrecisionMath.C4_F;
import static io.actmix.layer.SinglePrecisionMath.C6_F;
import static io.actmix.layer.SinglePrecisionMath.C8_F;
import static io.actmix.layer.SinglePrecisionMath.ONE_OVER_PI_F;
import static io.actmix.layer.SinglePrecisionMath.P1;
import static io.actmix.layer.SinglePrecisionMath.P11;
import static io.actmix.layer.SinglePrecisionMath.P13;
import static io.actmix.layer.SinglePrecisionMath.P3;
import static io.actmix.layer.SinglePrecisionMath.P5;
import static io.actmix.layer.SinglePrecisionMath.P7;
import static io.actmix.layer.SinglePrecisionMath.P9;
import static io.actmix.layer.SinglePrecisionMath.PI_1;
import static io.actmix.layer.SinglePrecisionMath.PI_2;
import static io.actmix.layer.SinglePrecisionMath.PI_3;
import static io.actmix.layer.SinglePrecisionMath.Q0;
import static io.actmix.layer.SinglePrecisionMath.Q2;
import static io.actmix.layer.SinglePrecisionMath.Q4;
import static io.actmix.layer.SinglePrecisionMath.Q6;
import static io.actmix.layer.SinglePrecisionMath.ROUND_F;
import static io.actmix.layer.SinglePrecisionMath.S11_F;
import static io.actmix.layer.SinglePrecisionMath.S3_F;
import static io.actmix.layer.SinglePrecisionMath.S5_F;
import static io.actmix.layer.SinglePrecisionMath.S7_F;
import static io.actmix.layer.SinglePrecisionMath.S9_F;
import static io.actmix.layer.SinglePrecisionMath.TANH_CLAMP;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * How far the ActMix kernel's float forward pass is from its arithmetic. On one minibatch of
 * power_plant's shapes (128 rows × 128 neurons, the default bases sin, tanh, relu, identity, values
 * kept for training), it times the project's kernel ({@link MixtureKernel}: short loops the JIT
 * turns into vector code, a block of rows at a time) against the same pass written as one loop with
 * Java 17's incubating Vector API: each element's sine and cosine, tanh and its derivative, ReLU
 * and its step, y and D computed in registers, every kept array stored once, the input copied once.
 * The fused loop does the kernel's operations in the kernel's order, from the same constants, so
 * its y must equal the kernel's to the bit; the probe checks that, and that the loop allocates
 * nothing (a vector the JIT fails to keep in registers becomes an object).
 *
 * <p>{@code -Dprobe.without=sine}, {@code tanh} or {@code both} replaces the sine and cosine, or
 * the tanh and its derivative, by the input in the fused loop (the JIT then drops their
 * arithmetic): the differences are what those basis functions' arithmetic costs at the speed vector
 * code runs.
 *
 * <p>A measurement, not library code: run by {@code bench/micro-bench.sh}, with {@code
 * --add-modules jdk.incubator.vector}. Prints the median µs per forward pass of 9 rounds of 2,000
 * passes each ({@link MixtureKernelBench#time}).
 */
public final class FusedKernelProbe {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final String WITHOUT = System.getProperty("probe.without", "none");
  private static final boolean SINE = !WITHOUT.equals("sine") && !WITHOUT.equals("both");
  private static final boolean TANH = !WITHOUT.equals("tanh") && !WITHOUT.equals("both");

  private FusedKernelProbe() {}

  /** The fused pass's kept arrays and output, [rows, neurons] row-major each. */
  private record Kept(float[] input, float[] sine, float[] tanh, float[] relu, float[] mixed) {
    static Kept of(int length) {
      return new Kept(
          new float[length],
          new float[length],
          new float[length],
          new float[length],
          new float[length]);
    }
  }

  public static void main(String[] args) {
    int rows = 128;
    int neurons = 128;
    int length = rows * neurons;
    if (neurons % SPECIES.length() != 0) {
      throw new IllegalStateException("neurons must be a multiple of " + SPECIES.length());
    }
    Random random = new Random(1);
    float[] z = new float[length];
    for (int i = 0; i < length; i++) {
      z[i] = (float) (random.nextGaussian() * 1.5);
    }
    double[] alpha = new double[neurons * 4];
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = 0.1 + 0.2 * random.nextDouble();
    }
    float[][] coefficients = new float[4][neurons];
    for (int k = 0; k < 4; k++) {
      for (int j = 0; j < neurons; j++) {
        coefficients[k][j] = (float) alpha[j * 4 + k];
      }
    }
    MixtureKernel kernel = new MixtureKernel(ActMixLayer.DEFAULT_BASIS_FUNCTIONS, 1.0);
    float[] kernelY = new float[length];
    float[] fusedY = new float[length];
    Kept kept = Kept.of(length);
    double[][] times =
        MixtureKernelBench.time(
            () -> kernel.forward(z, rows, neurons, alpha, kernelY, true),
            () -> forward(z, rows, neurons, coefficients, kept, fusedY));
    int passes = 2_000;
    long bytesBefore = allocatedBytes();
    for (int i = 0; i < passes; i++) {
      forward(z, rows, neurons, coefficients, kept, fusedY);
    }
    double bytesPerPass = (allocatedBytes() - bytesBefore) / (double) passes;
    System.out.printf(
        "forward, µs: kernel %5.1f   fused Vector API loop %5.1f (%s, %d lanes, without: %s)%n",
        MixtureKernelBench.median(times[0]),
        MixtureKernelBench.median(times[1]),
        SPECIES,
        SPECIES.length(),
        WITHOUT);
    System.out.printf(
        "  fused loop allocated %.1f bytes a pass (a vector made an object: 80 or more)%n",
        bytesPerPass);
    if (SINE && TANH) {
      kernel.forward(z, rows, neurons, alpha, kernelY, true);
      forward(z, rows, neurons, coefficients, kept, fusedY);
      System.out.println("  y equal to the kernel's to the bit: " + Arrays.equals(fusedY, kernelY));
    }
  }

  /** The kernel's training forward pass for sin, tanh, relu, identity in one vector loop. */
  private static void forward(float[] z, int rows, int neurons, float[][] c, Kept kept, float[] y) {
    float largest = 0f;
    for (int i = 0; i < rows * neurons; i++) {
      largest = Math.max(largest, Math.abs(z[i])); // the kernel's range check, ω = 1
    }
    if (!(largest <= SinglePrecisionMath.FLOAT_REDUCTION_LIMIT)) {
      throw new IllegalStateException("the probe's inputs stay within the reduction's range");
    }
    System.arraycopy(z, 0, kept.input(), 0, rows * neurons);
    for (int row = 0; row < rows; row++) {
      for (int j = 0; j < neurons; j += SPECIES.length()) {
        step(z, row * neurons + j, j, c, kept, y);
      }
    }
  }

  /** One vector of elements from {@code i}, of neurons from {@code j}; ω = 1. */
  private static void step(float[] z, int i, int j, float[][] c, Kept kept, float[] y) {
    FloatVector x = FloatVector.fromArray(SPECIES, z, i);
    FloatVector sine = x;
    FloatVector cosine = x;
    if (SINE) {
      FloatVector turns = x.mul(ONE_OVER_PI_F).add(ROUND_F).sub(ROUND_F);
      FloatVector odd = turns.sub(turns.mul(0.5f).add(ROUND_F).sub(ROUND_F).mul(2f));
      FloatVector sign = FloatVector.broadcast(SPECIES, 1f).sub(odd.mul(2f).mul(odd));
      FloatVector t = sign.mul(x.sub(turns.mul(PI_1)).sub(turns.mul(PI_2)).sub(turns.mul(PI_3)));
      FloatVector r2 = t.mul(t);
      sine =
          t.add(
              t.mul(r2)
                  .mul(
                      r2.mul(S11_F)
                          .add(S9_F)
                          .mul(r2)
                          .add(S7_F)
                          .mul(r2)
                          .add(S5_F)
                          .mul(r2)
                          .add(S3_F)));
      FloatVector cosReduced =
          r2.mul(C12_F)
              .add(C10_F)
              .mul(r2)
              .add(C8_F)
              .mul(r2)
              .add(C6_F)
              .mul(r2)
              .add(C4_F)
              .mul(r2)
              .add(C2_F)
              .mul(r2)
              .add(1f);
      cosine = sign.mul(1f).mul(cosReduced);
    }
    FloatVector tanh = x;
    FloatVector tanhSlope = x;
    if (TANH) {
      FloatVector v = x.min(TANH_CLAMP).max(-TANH_CLAMP);
      FloatVector v2 = v.mul(v);
      FloatVector p =
          v.mul(
              v2.mul(P13)
                  .add(P11)
                  .mul(v2)
                  .add(P9)
                  .mul(v2)
                  .add(P7)
                  .mul(v2)
                  .add(P5)
                  .mul(v2)
                  .add(P3)
                  .mul(v2)
                  .add(P1));
      FloatVector q = v2.mul(Q6).add(Q4).mul(v2).add(Q2).mul(v2).add(Q0);
      tanh = p.div(q);
      tanhSlope = FloatVector.broadcast(SPECIES, 1f).sub(tanh.mul(tanh));
    }
    FloatVector relu = x.max(0f);
    FloatVector reluStep = relu.mul(0x1p100f).mul(0x1p100f).min(1f);
    FloatVector a0 = FloatVector.fromArray(SPECIES, c[0], j);
    FloatVector a1 = FloatVector.fromArray(SPECIES, c[1], j);
    FloatVector a2 = FloatVector.fromArray(SPECIES, c[2], j);
    FloatVector a3 = FloatVector.fromArray(SPECIES, c[3], j);
    sine.intoArray(kept.sine(), i);
    tanh.intoArray(kept.tanh(), i);
    relu.intoArray(kept.relu(), i);
    a0.mul(sine).add(a1.mul(tanh)).add(a2.mul(relu)).add(a3.mul(x)).intoArray(y, i);
    a0.mul(cosine).add(a1.mul(tanhSlope)).add(a2.mul(reluStep)).add(a3).intoArray(kept.mixed(), i);
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
