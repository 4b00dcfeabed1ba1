package io.actmix.layer;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The periodic embedding and its per-feature linear map. For {@code F} numeric inputs {@code x} [b,
 * F] (gathered from the layer's input columns), frequencies {@code c} [F, K], weights {@code W} [F,
 * 2K, d] and biases {@code B} [F, d]:
 *
 * <pre>
 *   t_rfi    = 2π c_fi x_rf
 *   v_rf     = [sin t_rf1 … sin t_rfK, cos t_rf1 … cos t_rfK]          (2K periodic features)
 *   z_rfe    = B_fe + Σ_m v_rfm W_fme                                  (d outputs per feature)
 * </pre>
 *
 * and, from {@code δ = ∂L/∂z} [b, F, d]:
 *
 * <pre>
 *   ∂L/∂B_fe = Σ_r δ_rfe          ∂L/∂W_fme = Σ_r v_rfm δ_rfe          u_rfm = Σ_e W_fme δ_rfe
 *   s_rfi    = u_rf,i cos t_rfi − u_rf,K+i sin t_rfi                    (∂L/∂t)
 *   ∂L/∂c_fi = 2π Σ_r s_rfi x_rf  ∂L/∂x_rf  = 2π Σ_i s_rfi c_fi
 * </pre>
 *
 * <p>Where the work goes: the three products {@code V·W}, {@code Vᵀ·δ} and {@code δ·Wᵀ} are F small
 * matrix products each ([b, 2K] by [2K, d]), which ND4J's batched {@code matmul} (BLAS) computes in
 * one op each, several times faster than loops on the JVM (measured on adult_census shapes, b =
 * 128, F = 6, K = 48, d = 24: 65–80 µs a product against 400–500 µs for the JIT's vectorized
 * loops). Everything elementwise — sines and cosines, the biases, {@code s} and the two small
 * reductions — runs on the JVM, on {@code v} and {@code x}, which the forward pass keeps for the
 * backward pass of the same input, in the layout [F, b, ·] the products use. The products run in
 * the network's data type on arrays kept outside DL4J's workspaces. Not thread-safe: one kernel
 * belongs to one layer instance.
 */
final class PeriodicKernel {

  private static final double TWO_PI = 2.0 * Math.PI;

  private final int[] numericColumns;
  private final int features;
  private final int frequencies;
  private final int size;
  private final HostBuffer numeric = new HostBuffer(); // x, [F, rows]
  private final HostBuffer angles = new HostBuffer(); // t, [F, rows, K]
  private final HostBuffer sines = new HostBuffer();
  private final HostBuffer cosines = new HostBuffer();
  private final HostBuffer periodic = new HostBuffer(); // v, [F, rows, 2K]
  private final HostBuffer units = new HostBuffer(); // z or δ, [F, rows, d]
  private final HostBuffer projections = new HostBuffer(); // u, [F, rows, 2K]
  private final HostBuffer inputGradientRows = new HostBuffer(); // ∂L/∂x, [F, rows]
  private Products products;
  private long keptRows = -1;

  /**
   * @param numericColumns the input columns embedded, in order
   * @param frequencies K, the frequencies per feature
   * @param size d, the outputs per feature
   */
  PeriodicKernel(int[] numericColumns, int frequencies, int size) {
    this.numericColumns = numericColumns.clone();
    this.features = numericColumns.length;
    this.frequencies = frequencies;
    this.size = size;
  }

  /**
   * {@code z} from the input rows, keeping {@code x} and {@code v} for {@link #backward}.
   *
   * @param input the layer's input, [rows, columns] row-major
   * @param c frequencies, [F, K] row-major
   * @param weights the weights parameter, [F·2K, d]
   * @param bias biases, [F, d] row-major
   * @param z receives the embedding before its activation, [rows, F·d] row-major
   * @param precision how accurately to evaluate sine and cosine
   */
  void forward(
      double[] input,
      int rows,
      int columns,
      double[] c,
      INDArray weights,
      double[] bias,
      double[] z,
      Precision precision) {
    int k = frequencies;
    double[] x = numeric.reserve((long) features * rows);
    for (int f = 0; f < features; f++) {
      int column = numericColumns[f];
      for (int r = 0; r < rows; r++) {
        x[f * rows + r] = input[r * columns + column];
      }
    }
    int angleCount = features * rows * k;
    double[] t = angles.reserve(angleCount);
    for (int f = 0; f < features; f++) {
      for (int r = 0; r < rows; r++) {
        double scaled = TWO_PI * x[f * rows + r];
        int angle = (f * rows + r) * k;
        for (int i = 0; i < k; i++) {
          t[angle + i] = scaled * c[f * k + i];
        }
      }
    }
    double[] sin = sines.reserve(angleCount);
    double[] cos = cosines.reserve(angleCount);
    if (precision == Precision.SINGLE) {
      SinglePrecisionMath.sinCos(t, 0, angleCount, 1.0, sin, cos);
    } else {
      for (int i = 0; i < angleCount; i++) {
        sin[i] = Math.sin(t[i]);
        cos[i] = Math.cos(t[i]);
      }
    }
    double[] v = periodic.reserve((long) features * rows * 2 * k);
    for (int fr = 0; fr < features * rows; fr++) {
      System.arraycopy(sin, fr * k, v, fr * 2 * k, k);
      System.arraycopy(cos, fr * k, v, fr * 2 * k + k, k);
    }
    Products operands = products(rows, weights.dataType());
    outsideWorkspaces(
        () -> {
          periodic.store(operands.v);
          Nd4j.matmul(operands.v, operands.weights(weights), operands.z, false, false, false);
        });
    double[] zt = units.load(operands.z.reshape((long) features * rows, size));
    int unitCount = features * size;
    for (int f = 0; f < features; f++) {
      for (int r = 0; r < rows; r++) {
        int in = (f * rows + r) * size;
        int out = r * unitCount + f * size;
        for (int e = 0; e < size; e++) {
          z[out + e] = zt[in + e] + bias[f * size + e];
        }
      }
    }
    keptRows = rows;
  }

  /** Whether the last forward pass kept {@code rows} rows. */
  boolean keeps(int rows) {
    return keptRows == rows;
  }

  /**
   * The parameters' gradients and the numeric inputs' from {@code δ}, with the values the last
   * forward pass kept (see {@link #keeps}).
   *
   * @param delta ∂L/∂z, [rows, F·d] row-major
   * @param c frequencies, [F, K]
   * @param weights the weights parameter, [F·2K, d]
   * @param frequencyGradient receives ∂L/∂c, [F, K]
   * @param weightGradient receives ∂L/∂W: the weights' gradient view, [F·2K, d]
   * @param biasGradient receives ∂L/∂B, [F, d]
   * @param inputGradient receives ∂L/∂x, [rows, F]: the gradient of numeric column {@code f} of row
   *     {@code r} at {@code r·F + f}
   */
  void backward(
      double[] delta,
      int rows,
      double[] c,
      INDArray weights,
      double[] frequencyGradient,
      INDArray weightGradient,
      double[] biasGradient,
      double[] inputGradient) {
    if (!keeps(rows)) {
      throw new IllegalStateException(
          "PeriodicKernel.backward: no kept forward pass of "
              + rows
              + " rows; run forward on the same input first");
    }
    int k = frequencies;
    int unitCount = features * size;
    double[] x = numeric.values();
    double[] v = periodic.values();
    double[] deltaByFeature = units.reserve((long) unitCount * rows);
    Arrays.fill(biasGradient, 0, unitCount, 0.0);
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < features; f++) {
        int in = r * unitCount + f * size;
        int out = (f * rows + r) * size;
        for (int e = 0; e < size; e++) {
          deltaByFeature[out + e] = delta[in + e];
          biasGradient[f * size + e] += delta[in + e];
        }
      }
    }
    Products operands = products(rows, weights.dataType());
    outsideWorkspaces(
        () -> {
          units.store(operands.delta);
          Nd4j.matmul(operands.v, operands.delta, operands.weightGradient, true, false, false);
          weightGradient.assign(operands.weightGradient.reshape(weightGradient.shape()));
          Nd4j.matmul(operands.delta, operands.weights(weights), operands.u, false, true, false);
        });
    double[] u = projections.load(operands.u.reshape((long) features * rows, 2L * k));

    double[] inputRows = inputGradientRows.reserve((long) features * rows);
    Arrays.fill(frequencyGradient, 0, features * k, 0.0);
    for (int f = 0; f < features; f++) {
      for (int r = 0; r < rows; r++) {
        int in = (f * rows + r) * 2 * k;
        double xValue = TWO_PI * x[f * rows + r];
        double sum = 0.0;
        for (int i = 0; i < k; i++) {
          double slope = u[in + i] * v[in + k + i] - u[in + k + i] * v[in + i]; // ∂L/∂t
          frequencyGradient[f * k + i] += xValue * slope;
          sum += slope * c[f * k + i];
        }
        inputRows[f * rows + r] = TWO_PI * sum;
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < features; f++) {
        inputGradient[r * features + f] = inputRows[f * rows + r];
      }
    }
  }

  /** The native arrays of the products for {@code rows} rows, created when the shape changes. */
  private Products products(int rows, DataType type) {
    if (products == null || products.rows != rows || products.type != type) {
      outsideWorkspaces(() -> products = new Products(rows, type, features, frequencies, size));
    }
    return products;
  }

  /**
   * Runs {@code work} with no workspace open: the arrays it creates and the ops' results outlive
   * the iteration, which DL4J's workspaces would reclaim.
   */
  private static void outsideWorkspaces(Runnable work) {
    MemoryWorkspace scope = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    try {
      work.run();
    } finally {
      scope.close();
    }
  }

  /** The operands and results of the three products, [F, ·, ·] each, outside any workspace. */
  private static final class Products {
    final int rows;
    final DataType type;
    final INDArray v;
    final INDArray z;
    final INDArray delta;
    final INDArray u;
    final INDArray weightGradient;
    private final long[] weightShape;

    Products(int rows, DataType type, int features, int frequencies, int size) {
      this.rows = rows;
      this.type = type;
      this.v = Nd4j.create(type, features, rows, 2L * frequencies);
      this.z = Nd4j.create(type, features, rows, size);
      this.delta = Nd4j.create(type, features, rows, size);
      this.u = Nd4j.create(type, features, rows, 2L * frequencies);
      this.weightGradient = Nd4j.create(type, features, 2L * frequencies, size);
      this.weightShape = new long[] {features, 2L * frequencies, size};
    }

    /** The weights parameter seen as [F, 2K, d]: a view when it is contiguous, else a copy. */
    INDArray weights(INDArray param) {
      return param.reshape('c', weightShape);
    }
  }
}
