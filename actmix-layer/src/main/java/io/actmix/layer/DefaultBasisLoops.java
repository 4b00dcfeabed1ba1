package io.actmix.layer;

import java.util.List;

/**
 * One loop per pass for the default basis {@code [SIN, TANH, RELU, IDENTITY]} in float arithmetic:
 * the forward pass of a block computes {@code sin}, {@code ω cos}, {@code tanh} and the ReLU of
 * every element, mixes y and D and keeps sin and tanh in one loop; the backward pass computes δ and
 * the four partial sums of g in another. Both give the values of {@link FloatMixtureBlocks}'s
 * loops, bit for bit: the same float operations in the same order, on the same inputs (ReLU's and
 * the identity's values are recomputed from the kept input, which is what the kept values are).
 *
 * <pre>
 *   y = ((c_0 sin ωz + c_1 tanh z) + c_2 max(z, 0)) + c_3 z
 *   D = ((c_0 ω cos ωz + c_1 (1 − tanh² z)) + c_2 [z &gt; 0]) + c_3
 * </pre>
 *
 * <p>C2 turns a loop into vector code only after unrolling it, and it unrolls a loop only when its
 * body is smaller than {@code -XX:LoopUnrollLimit} (60 nodes by default). These loops are larger:
 * with the default limit they run element by element, nine times slower than the short loops {@link
 * FloatMixtureBlocks} uses otherwise; with the limit at {@value #LOOP_UNROLL_LIMIT} they run as
 * vector code, faster than the short loops because each element is loaded and stored once. The
 * project's JVMs set it ({@code .mvn/jvm.config}, the tests' and Spark executors' options), and
 * {@link #vectorized()} tells whether this JVM did.
 */
final class DefaultBasisLoops {

  private DefaultBasisLoops() {}

  /** The {@code -XX:LoopUnrollLimit} from which these loops become vector code (JDK 17, x86). */
  static final int LOOP_UNROLL_LIMIT = 250;

  /** The bases these loops compute, in α's column order. */
  static final List<BasisFunction> BASES =
      List.of(BasisFunction.SIN, BasisFunction.TANH, BasisFunction.RELU, BasisFunction.IDENTITY);

  private static final boolean VECTORIZED = readLoopUnrollLimit() >= LOOP_UNROLL_LIMIT;

  /**
   * Whether this JVM unrolls loops as large as these ({@code -XX:LoopUnrollLimit} at least {@value
   * #LOOP_UNROLL_LIMIT}), so that they run as vector code; false on a JVM that does not say.
   */
  static boolean vectorized() {
    return VECTORIZED;
  }

  private static int readLoopUnrollLimit() {
    try {
      com.sun.management.HotSpotDiagnosticMXBean hotSpot =
          java.lang.management.ManagementFactory.getPlatformMXBean(
              com.sun.management.HotSpotDiagnosticMXBean.class);
      return Integer.parseInt(hotSpot.getVMOption("LoopUnrollLimit").getValue());
    } catch (RuntimeException | LinkageError notHotSpot) {
      return 0;
    }
  }

  /**
   * Whether every {@code |ω z[t]|}, {@code t < n}, is within {@link
   * SinglePrecisionMath#FLOAT_REDUCTION_LIMIT}, where the float sine is accurate (false for NaN and
   * infinities too): a block with any other argument takes the short loops, which hand those
   * arguments to {@link Math#sin}.
   */
  static boolean inRange(float[] z, int n, float omega) {
    float largest = 0f; // a maximum, which the JIT vectorizes, rather than a test per element
    for (int t = 0; t < n; t++) {
      largest = Math.max(largest, Math.abs(omega * z[t])); // NaN once any is NaN
    }
    return largest <= SinglePrecisionMath.FLOAT_REDUCTION_LIMIT;
  }

  /**
   * The forward pass of {@code n} elements whose arguments are {@link #inRange in range}: y, D, and
   * the kept sine and tanh values.
   *
   * @param c the coefficients laid out to the block, one array per basis in {@link #BASES} order
   */
  static void forward(
      float[] z,
      float[][] c,
      float omega,
      int n,
      float[] y,
      float[] mixedDerivative,
      float[] sine,
      float[] tanh) {
    float[] c0 = c[0];
    float[] c1 = c[1];
    float[] c2 = c[2];
    float[] c3 = c[3];
    for (int t = 0; t < n; t++) {
      float x = z[t];
      float u = omega * x;
      float turns = SinglePrecisionMath.halfTurns(u);
      float sign = SinglePrecisionMath.sign(turns);
      float r = sign * SinglePrecisionMath.reduce(u, turns); // sin u = sin r, cos u = sign cos r
      float s = SinglePrecisionMath.sinReduced(r);
      float cos = omega * sign * SinglePrecisionMath.cosReduced(r);
      float th = SinglePrecisionMath.tanh(x);
      float relu = Math.max(x, 0f);
      float step = Math.min(relu * 0x1p100f * 0x1p100f, 1f);
      y[t] = ((c0[t] * s + c1[t] * th) + c2[t] * relu) + c3[t] * x;
      mixedDerivative[t] = ((c0[t] * cos + c1[t] * (1f - th * th)) + c2[t] * step) + c3[t];
      sine[t] = s;
      tanh[t] = th;
    }
  }

  /**
   * The backward pass of {@code n} elements: {@code δ = ε D} and {@code ε φ_k(z)} added to the
   * partial sums of g, one array per basis in {@link #BASES} order.
   */
  static void backward(
      float[] epsilon,
      float[] mixedDerivative,
      float[] z,
      float[] sine,
      float[] tanh,
      float[][] sums,
      int n,
      float[] delta) {
    float[] g0 = sums[0];
    float[] g1 = sums[1];
    float[] g2 = sums[2];
    float[] g3 = sums[3];
    for (int t = 0; t < n; t++) {
      float e = epsilon[t];
      float x = z[t];
      delta[t] = e * mixedDerivative[t];
      g0[t] += e * sine[t];
      g1[t] += e * tanh[t];
      g2[t] += e * Math.max(x, 0f);
      g3[t] += e * x;
    }
  }
}
