package io.actmix.layer;

/**
 * The arithmetic of {@link MixtureKernel} on one block of rows: its forward pass, its share of the
 * backward pass, and the values kept between the two, in double ({@link DoubleMixtureBlocks}) or
 * float ({@link FloatMixtureBlocks}) arrays. The kernel cuts the rows into blocks and calls these
 * passes in order; every array here is one block long and every loop indexes its arrays alike, the
 * form the JIT compiles to vector code.
 *
 * <p>Not thread-safe: one instance belongs to one kernel.
 */
abstract class MixtureBlocks {

  /** The basis functions, in the order of α's columns. */
  final BasisFunction[] bases;

  /** The sine's frequency scale ω0. */
  final double omega0;

  MixtureBlocks(BasisFunction[] bases, double omega0) {
    this.bases = bases;
    this.omega0 = omega0;
  }

  /**
   * Lays α out to one block's length, {@code c_k[t] = α_{t mod n, k}} for {@code t < blockLength},
   * making room for blocks of that length.
   *
   * @param alpha [neurons, K] row-major
   */
  abstract void layOut(double[] alpha, int neurons, int blockLength);

  /**
   * Makes room to keep the values and {@code D} of {@code blocks} blocks of {@code blockLength}.
   */
  abstract void reserveKept(int blocks, int blockLength);

  /**
   * {@code y = Σ_k c_k φ_k(z)} on the {@code n} elements of {@code z} and {@code y} from {@code
   * from}, keeping {@code φ_k(z)} and {@code D = Σ_k c_k φ_k'(z)} as block {@code block} when
   * {@code keep}.
   */
  abstract void forward(double[] z, int from, int n, int block, double[] y, boolean keep);

  /** Zeroes the partial sums of {@code g} before a backward pass. */
  abstract void clearSums(int blockLength);

  /**
   * {@code δ = ε D} on the {@code n} elements from {@code from}, with kept block {@code block}, and
   * {@code ε φ_k(z)} added to the partial sums of {@code g} element by element.
   */
  abstract void backward(double[] epsilon, int from, int n, int block, double[] delta);

  /**
   * {@code g_jk}, the sum over a block's rows of the partial sums at (row, j), in double, into
   * {@code basisGradient} [neurons, K] row-major.
   */
  abstract void foldSums(int neurons, int blockRows, double[] basisGradient);
}
