package io.actmix.layer;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * The ActMix mixture and its gradients, computed on the JVM over row-major arrays: in double
 * arithmetic for double-precision networks, in float arithmetic for float32 and narrower ones
 * ({@link Precision}). With {@code z} of shape [b, n], α of shape [n, K] and ε = ∂L/∂y:
 *
 * <pre>
 *   y_rj  = Σ_k α_jk φ_k(z_rj)                 (forward)
 *   D_rj  = Σ_k α_jk φ_k'(z_rj)                (forward, kept for the backward pass)
 *   δ_rj  = ε_rj D_rj                          (∂L/∂z, passed down)
 *   g_jk  = Σ_r ε_rj φ_k(z_rj)                  (∂L/∂α)
 * </pre>
 *
 * <p>A training forward pass keeps every {@code φ_k(z)} and the mixed derivative {@code D}, so that
 * the backward pass is multiply-adds only: the transcendental functions run once per element and
 * iteration. Both passes use the α of the forward pass, as DL4J changes no parameter between the
 * two. The whole layer is two bulk copies in and one out instead of dozens of ND4J ops, which at
 * these sizes cost more to dispatch and allocate than to compute.
 *
 * <p>Both passes go through the rows a block at a time (about {@value #BLOCK_ELEMENTS} elements,
 * whole rows) in {@link MixtureBlocks}, on arrays of one block's length, so that every loop reads
 * and writes all its arrays at the same index {@code t}: that is the form the JIT compiles to
 * vector code (a loop such as {@code out[row + j] += a[j] · v[row + j]}, whose arrays are indexed
 * with different offsets, runs element by element, three times slower), and a block's arrays stay
 * in the core's cache between the basis functions. α is laid out to a block's length once a pass
 * ({@code c_k[t] = α_{t mod n, k}}), the kept values and {@code D} are stored block by block, and
 * the backward pass sums {@code g} in one partial sum per element of a block before folding the
 * block's rows together here.
 *
 * <p>Not thread-safe: one kernel belongs to one layer instance.
 */
final class MixtureKernel {

  /** Elements in a block, at most (a block holds at least one row): 8 KiB per double array. */
  static final int BLOCK_ELEMENTS = 1024;

  private final DoubleMixtureBlocks doubles;
  private final FloatMixtureBlocks floats;

  /** The arithmetic that kept the last training forward pass, or null. */
  private MixtureBlocks kept;

  private long keptLength = -1;

  MixtureKernel(List<BasisFunction> bases, double omega0) {
    BasisFunction[] basis = bases.toArray(new BasisFunction[0]);
    this.doubles = new DoubleMixtureBlocks(basis, omega0);
    this.floats = new FloatMixtureBlocks(basis, omega0);
  }

  /**
   * {@code y = Σ_k α_k φ_k(z)}.
   *
   * @param z pre-activations, [rows, neurons] row-major
   * @param alpha mixing coefficients, [neurons, K] row-major
   * @param y receives the output, [rows, neurons] row-major
   * @param precision the arithmetic: double, or float to float32 resolution
   * @param keep whether to keep the basis values and {@code D} for {@link #backward}
   */
  void forward(
      double[] z,
      int rows,
      int neurons,
      double[] alpha,
      double[] y,
      Precision precision,
      boolean keep) {
    MixtureBlocks blocks = precision == Precision.DOUBLE ? doubles : floats;
    forEachBlock(
        blocks,
        alpha,
        rows,
        neurons,
        keep,
        (from, n, block) -> blocks.forward(z, from, n, block, y, keep));
  }

  /**
   * {@link #forward(double[], int, int, double[], double[], Precision, boolean) forward} for a
   * float32 network on float arrays, in float arithmetic, without widening them.
   */
  void forward(float[] z, int rows, int neurons, double[] alpha, float[] y, boolean keep) {
    forward(FloatBuffer.wrap(z), rows, neurons, alpha, FloatBuffer.wrap(y), keep);
  }

  /**
   * {@link #forward(float[], int, int, double[], float[], boolean) forward} on float buffers, read
   * and written a block at a time: a float32 array's native memory (see {@link
   * HostBuffer#rowMajorFloats}) without a whole copy on the JVM.
   */
  void forward(FloatBuffer z, int rows, int neurons, double[] alpha, FloatBuffer y, boolean keep) {
    forEachBlock(
        floats,
        alpha,
        rows,
        neurons,
        keep,
        (from, n, block) -> floats.forward(z, from, n, block, y, keep));
  }

  /** One block's pass: {@code n} elements from {@code from}, the {@code block}-th block. */
  private interface BlockPass {
    void run(int from, int n, int block);
  }

  /** Lays α out for {@code blocks}, records what the pass keeps, and runs it block by block. */
  private void forEachBlock(
      MixtureBlocks blocks, double[] alpha, int rows, int neurons, boolean keep, BlockPass pass) {
    int blockRows = blockRows(neurons);
    int blockLength = blockRows * neurons;
    int count = (rows + blockRows - 1) / blockRows;
    blocks.layOut(alpha, neurons, blockLength);
    if (keep) {
      blocks.reserveKept(count, blockLength);
    }
    kept = keep ? blocks : null;
    keptLength = keep ? (long) rows * neurons : -1;
    for (int block = 0; block < count; block++) {
      int n = Math.min(rows - block * blockRows, blockRows) * neurons;
      pass.run(block * blockLength, n, block);
    }
  }

  /** Whether the last forward pass kept the values of {@code length} elements. */
  boolean keeps(long length) {
    return keptLength == length;
  }

  /**
   * {@code δ} and {@code g} from the values the last forward pass kept (see {@link #keeps}), in
   * that pass's arithmetic.
   *
   * @param epsilon ∂L/∂y, [rows, neurons] row-major
   * @param delta receives ∂L/∂z, [rows, neurons] row-major
   * @param basisGradient receives {@code g}, [neurons, K] row-major
   */
  void backward(double[] epsilon, int rows, int neurons, double[] delta, double[] basisGradient) {
    MixtureBlocks blocks = keptPass(rows, neurons);
    backward(
        blocks,
        rows,
        neurons,
        basisGradient,
        (from, n, block) -> blocks.backward(epsilon, from, n, block, delta));
  }

  /**
   * {@link #backward(double[], int, int, double[], double[]) backward} on float arrays after a
   * forward pass on float arrays.
   */
  void backward(float[] epsilon, int rows, int neurons, float[] delta, double[] basisGradient) {
    backward(FloatBuffer.wrap(epsilon), rows, neurons, FloatBuffer.wrap(delta), basisGradient);
  }

  /**
   * {@link #backward(float[], int, int, float[], double[]) backward} on float buffers, as {@link
   * #forward(FloatBuffer, int, int, double[], FloatBuffer, boolean)}.
   */
  void backward(
      FloatBuffer epsilon, int rows, int neurons, FloatBuffer delta, double[] basisGradient) {
    if (keptPass(rows, neurons) != floats) {
      throw new IllegalStateException(
          "MixtureKernel.backward: float arrays after a forward pass in double arithmetic; run"
              + " forward on float arrays first");
    }
    backward(
        floats,
        rows,
        neurons,
        basisGradient,
        (from, n, block) -> floats.backward(epsilon, from, n, block, delta));
  }

  /** The arithmetic that kept a forward pass of {@code rows × neurons} elements. */
  private MixtureBlocks keptPass(int rows, int neurons) {
    int length = rows * neurons;
    if (!keeps(length)) {
      throw new IllegalStateException(
          "MixtureKernel.backward: no kept forward pass of "
              + length
              + " elements; run forward(..., keep = true) on the same input first");
    }
    return kept;
  }

  /** Runs the backward pass block by block, then folds {@code g}'s partial sums. */
  private void backward(
      MixtureBlocks blocks, int rows, int neurons, double[] basisGradient, BlockPass pass) {
    int blockRows = blockRows(neurons); // as the forward pass cut them
    int blockLength = blockRows * neurons;
    int count = (rows + blockRows - 1) / blockRows;
    blocks.clearSums(blockLength);
    for (int block = 0; block < count; block++) {
      int n = Math.min(rows - block * blockRows, blockRows) * neurons;
      pass.run(block * blockLength, n, block);
    }
    blocks.foldSums(neurons, blockRows, basisGradient);
  }

  /** Rows in a block: as many as fit in {@link #BLOCK_ELEMENTS}, at least one. */
  private static int blockRows(int neurons) {
    return Math.max(1, BLOCK_ELEMENTS / Math.max(1, neurons));
  }
}
