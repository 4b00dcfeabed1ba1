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
 * two. Each loop is a plain pass over one array that the JIT compiles to vector code, and the whole
 * layer is two bulk copies in and one out instead of dozens of ND4J ops, which at these sizes cost
 * more to dispatch and allocate than to compute.
 *
 * <p>Not thread-safe: one kernel belongs to one layer instance.
 */
final class MixtureKernel {

  private final BasisFunction[] bases;
  private final double omega0;
  private final HostBuffer[] values;
  private final HostBuffer mixedDerivative = new HostBuffer();
  private final HostBuffer derivative = new HostBuffer();
  private final HostBuffer pairDerivative = new HostBuffer();
  private final HostBuffer pairScratch = new HostBuffer();
  private final HostBuffer alphaColumns = new HostBuffer();
  private final HostBuffer scratch = new HostBuffer();
  private long keptLength = -1;

  MixtureKernel(List<BasisFunction> bases, double omega0) {
    this.bases = bases.toArray(new BasisFunction[0]);
    this.omega0 = omega0;
    this.values = new HostBuffer[this.bases.length];
    for (int k = 0; k < this.bases.length; k++) {
      values[k] = new HostBuffer();
    }
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
    int length = rows * neurons;
    double[] columns = columns(alpha, neurons);
    double[] mixed = keep ? mixedDerivative.reserve(length) : null;
    keptLength = keep ? length : -1;
    // Two bases at a time: one pass over y (and D) per pair instead of one per basis.
    for (int k = 0; k < bases.length; k += 2) {
      boolean pair = k + 1 < bases.length;
      double[] value = keep ? values[k].reserve(length) : scratch.reserve(length);
      double[] slope = keep ? derivative.reserve(length) : null;
      bases[k].evaluate(z, length, omega0, precision, value, slope);
      if (!pair) {
        accumulate(value, null, columns, k * neurons, rows, neurons, y, k == 0);
        if (keep) {
          accumulate(slope, null, columns, k * neurons, rows, neurons, mixed, k == 0);
        }
        break;
      }
      double[] nextValue = keep ? values[k + 1].reserve(length) : pairScratch.reserve(length);
      double[] nextSlope = keep ? pairDerivative.reserve(length) : null;
      bases[k + 1].evaluate(z, length, omega0, precision, nextValue, nextSlope);
      accumulate(value, nextValue, columns, k * neurons, rows, neurons, y, k == 0);
      if (keep) {
        accumulate(slope, nextSlope, columns, k * neurons, rows, neurons, mixed, k == 0);
      }
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
    double[] mixed = mixedDerivative.values();
    int count = bases.length;
    double[] sums = scratch.reserve((long) count * neurons);
    Arrays.fill(sums, 0, count * neurons, 0.0);
    // One pass over the rows: each row of ε is read from the cache for δ and every basis's sums
    // (g_jk accumulates over r in the same order as one pass per basis would).
    for (int r = 0; r < rows; r++) {
      int row = r * neurons;
      for (int j = 0; j < neurons; j++) {
        delta[row + j] = epsilon[row + j] * mixed[row + j];
      }
      for (int k = 0; k < count; k++) {
        double[] value = values[k].values();
        int offset = k * neurons;
        for (int j = 0; j < neurons; j++) {
          sums[offset + j] += epsilon[row + j] * value[row + j];
        }
      }
    }
    for (int k = 0; k < count; k++) {
      for (int j = 0; j < neurons; j++) {
        basisGradient[j * count + k] = sums[k * neurons + j];
      }
    }
  }

  /** α transposed to [K, neurons], so that each basis's coefficients are contiguous. */
  private double[] columns(double[] alpha, int neurons) {
    int k = bases.length;
    double[] columns = alphaColumns.reserve((long) k * neurons);
    for (int j = 0; j < neurons; j++) {
      for (int basis = 0; basis < k; basis++) {
        columns[basis * neurons + j] = alpha[j * k + basis];
      }
    }
    return columns;
  }

  /**
   * {@code out_rj (=|+=) c_j · v_rj + c'_j · w_rj}, assigning when {@code first}: {@code c} at
   * {@code columns[offset …]} and {@code c'} after it; without {@code w} when it is null.
   */
  private static void accumulate(
      double[] v,
      double[] w,
      double[] columns,
      int offset,
      int rows,
      int neurons,
      double[] out,
      boolean first) {
    int next = offset + neurons;
    for (int r = 0; r < rows; r++) {
      int row = r * neurons;
      if (w == null && first) {
        for (int j = 0; j < neurons; j++) {
          out[row + j] = columns[offset + j] * v[row + j];
        }
      } else if (w == null) {
        for (int j = 0; j < neurons; j++) {
          out[row + j] += columns[offset + j] * v[row + j];
        }
      } else if (first) {
        for (int j = 0; j < neurons; j++) {
          out[row + j] = columns[offset + j] * v[row + j] + columns[next + j] * w[row + j];
        }
      } else {
        for (int j = 0; j < neurons; j++) {
          out[row + j] += columns[offset + j] * v[row + j] + columns[next + j] * w[row + j];
        }
      }
    }
  }
}
