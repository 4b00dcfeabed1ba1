package io.actmix.layer;

import java.util.Arrays;
import java.util.List;

/**
 * The ActMix mixture and its gradients, computed on the JVM in double arithmetic over row-major
 * arrays, with the basis functions as accurate as the network's {@link Precision} asks. With {@code
 * z} of shape [b, n], α of shape [n, K] and ε = ∂L/∂y:
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
 * whole rows), on arrays of one block's length, so that every loop reads and writes all its arrays
 * at the same index {@code t}: that is the form the JIT compiles to vector code (a loop such as
 * {@code out[row + j] += a[j] · v[row + j]}, whose arrays are indexed with different offsets, runs
 * element by element, four times slower), and a block's arrays stay in the core's cache between the
 * basis functions. α is laid out to a block's length once a pass ({@code c_k[t] = α_{t mod n, k}}),
 * the kept values and {@code D} are stored block by block, and the backward pass sums {@code g} in
 * one partial sum per element of a block before folding the block's rows together.
 *
 * <p>Not thread-safe: one kernel belongs to one layer instance.
 */
final class MixtureKernel {

  /** Elements in a block, at most (a block holds at least one row): 8 KiB per array. */
  static final int BLOCK_ELEMENTS = 1024;

  private final BasisFunction[] bases;
  private final double omega0;

  /** The kept {@code φ_k(z)}: {@code keptValues[k][block]}, each of one block's length. */
  private double[][][] keptValues;

  /** The kept {@code D}, block by block. */
  private double[][] keptMixed;

  /** {@code c_k[t] = α_{t mod n, k}} for one block: {@code coefficients[k]}. */
  private double[][] coefficients;

  /** One block of z, of y (or δ), of a basis's derivative (or ε), and a basis's values. */
  private double[] inputBlock = new double[0];

  private double[] outputBlock = new double[0];
  private double[] slopeBlock = new double[0];
  private double[] valueBlock = new double[0];

  /** The backward pass's partial sums of {@code g}: {@code partialSums[k][t]}. */
  private double[][] partialSums;

  private long keptLength = -1;
  private int keptBlockLength = -1;

  MixtureKernel(List<BasisFunction> bases, double omega0) {
    this.bases = bases.toArray(new BasisFunction[0]);
    this.omega0 = omega0;
  }

  /**
   * {@code y = Σ_k α_k φ_k(z)}.
   *
   * @param z pre-activations, [rows, neurons] row-major
   * @param alpha mixing coefficients, [neurons, K] row-major
   * @param y receives the output, [rows, neurons] row-major
   * @param precision how accurately to evaluate the basis functions
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
    int blockRows = blockRows(neurons);
    int blockLength = blockRows * neurons;
    int blocks = (rows + blockRows - 1) / blockRows;
    layOut(alpha, neurons, blockLength);
    if (keep) {
      reserveKept(blocks, blockLength);
    }
    keptLength = keep ? (long) rows * neurons : -1;
    keptBlockLength = keep ? blockLength : -1;
    double[] zb = inputBlock;
    double[] yb = outputBlock;
    for (int block = 0; block < blocks; block++) {
      int from = block * blockLength;
      int n = Math.min(rows - block * blockRows, blockRows) * neurons;
      System.arraycopy(z, from, zb, 0, n);
      double[] mixed = keep ? keptMixed[block] : null;
      double[] slope = keep ? slopeBlock : null;
      for (int k = 0; k < bases.length; k++) {
        double[] value = keep ? keptValues[k][block] : valueBlock;
        bases[k].evaluate(zb, 0, n, omega0, precision, value, slope);
        mix(coefficients[k], value, n, yb, k == 0);
        if (keep) {
          mix(coefficients[k], slope, n, mixed, k == 0);
        }
      }
      System.arraycopy(yb, 0, y, from, n);
    }
  }

  /** Whether the last forward pass kept the values of {@code length} elements. */
  boolean keeps(long length) {
    return keptLength == length;
  }

  /**
   * {@code δ} and {@code g} from the values the last forward pass kept (see {@link #keeps}).
   *
   * @param epsilon ∂L/∂y, [rows, neurons] row-major
   * @param delta receives ∂L/∂z, [rows, neurons] row-major
   * @param basisGradient receives {@code g}, [neurons, K] row-major
   */
  void backward(double[] epsilon, int rows, int neurons, double[] delta, double[] basisGradient) {
    int length = rows * neurons;
    if (!keeps(length)) {
      throw new IllegalStateException(
          "MixtureKernel.backward: no kept forward pass of "
              + length
              + " elements; run forward(..., keep = true) on the same input first");
    }
    int blockLength = keptBlockLength;
    int blockRows = blockLength / neurons;
    int blocks = (rows + blockRows - 1) / blockRows;
    int count = bases.length;
    for (int k = 0; k < count; k++) {
      Arrays.fill(partialSums[k], 0, blockLength, 0.0);
    }
    double[] eb = slopeBlock;
    double[] db = outputBlock;
    for (int block = 0; block < blocks; block++) {
      int from = block * blockLength;
      int n = Math.min(rows - block * blockRows, blockRows) * neurons;
      System.arraycopy(epsilon, from, eb, 0, n);
      double[] mixed = keptMixed[block];
      for (int t = 0; t < n; t++) {
        db[t] = eb[t] * mixed[t];
      }
      System.arraycopy(db, 0, delta, from, n);
      for (int k = 0; k < count; k++) {
        double[] value = keptValues[k][block];
        double[] sums = partialSums[k];
        for (int t = 0; t < n; t++) {
          sums[t] += eb[t] * value[t];
        }
      }
    }
    // g_jk = the sum over a block's rows of the partial sums at (row, j).
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

  /** Rows in a block: as many as fit in {@link #BLOCK_ELEMENTS}, at least one. */
  private static int blockRows(int neurons) {
    return Math.max(1, BLOCK_ELEMENTS / Math.max(1, neurons));
  }

  /**
   * {@code c_k[t] = α_{t mod n, k}} for {@code t} below {@code blockLength}, and room in the
   * block-long scratch arrays.
   */
  private void layOut(double[] alpha, int neurons, int blockLength) {
    int count = bases.length;
    if (coefficients == null || coefficients[0].length < blockLength) {
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

  /** Makes room for the values and {@code D} of {@code blocks} blocks of {@code blockLength}. */
  private void reserveKept(int blocks, int blockLength) {
    if (keptMixed == null || keptMixed.length < blocks || keptMixed[0].length < blockLength) {
      keptValues = new double[bases.length][blocks][blockLength];
      keptMixed = new double[blocks][blockLength];
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
