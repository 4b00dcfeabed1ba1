package io.actmix.experiments.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.PReLUParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The PReLU layer's passes on JVM arrays against the formulas, on 37 rows of 5 neurons with
 * distinct slopes, in double precision (exact up to summation order: 1e-12).
 *
 * <pre>
 *   f(z)  = z if z &gt; 0, a·z otherwise
 *   ∂L/∂z = ε · (1 if z &gt; 0, a otherwise)        ∂L/∂a = Σ_batch ε · min(z, 0)
 * </pre>
 */
class NeuronPReLULayerTest {

  private static final int ROWS = 37;
  private static final int NEURONS = 5;
  private static final double[] SLOPES = {0.25, -0.1, 0.5, 1.5, 0.0};

  private final LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();

  @BeforeAll
  static void doublePrecision() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  @Test
  void activate_randomInput_equalsTheFormula() {
    Layer layer = layer();
    double[][] z = gaussian(1);
    layer.setInput(Nd4j.create(z), workspaces);

    double[][] expected = new double[ROWS][NEURONS];
    for (int n = 0; n < ROWS; n++) {
      for (int j = 0; j < NEURONS; j++) {
        expected[n][j] = z[n][j] > 0 ? z[n][j] : SLOPES[j] * z[n][j];
      }
    }
    assertArrayEquals(
        flat(expected), layer.activate(true, workspaces).reshape(-1).toDoubleVector(), 0.0);
  }

  @Test
  void backpropGradient_randomEpsilon_givesTheFormulasEpsilonBelow() {
    Layer layer = layer();
    double[][] z = gaussian(1);
    double[][] eps = gaussian(2);
    layer.setInput(Nd4j.create(z), workspaces);

    Pair<Gradient, INDArray> result = layer.backpropGradient(Nd4j.create(eps), workspaces);

    double[][] expected = new double[ROWS][NEURONS];
    for (int n = 0; n < ROWS; n++) {
      for (int j = 0; j < NEURONS; j++) {
        expected[n][j] = eps[n][j] * (z[n][j] > 0 ? 1 : SLOPES[j]);
      }
    }
    assertArrayEquals(flat(expected), result.getSecond().reshape(-1).toDoubleVector(), 0.0);
  }

  @Test
  void backpropGradient_randomEpsilon_givesTheFormulasSlopeGradient() {
    Layer layer = layer();
    double[][] z = gaussian(1);
    double[][] eps = gaussian(2);
    layer.setInput(Nd4j.create(z), workspaces);

    Pair<Gradient, INDArray> result = layer.backpropGradient(Nd4j.create(eps), workspaces);

    double[] expected = new double[NEURONS];
    for (int n = 0; n < ROWS; n++) {
      for (int j = 0; j < NEURONS; j++) {
        expected[j] += eps[n][j] * Math.min(z[n][j], 0);
      }
    }
    assertArrayEquals(
        expected,
        result.getFirst().getGradientFor(PReLUParamInitializer.WEIGHT_KEY).toDoubleVector(),
        1e-12);
  }

  /**
   * The PReLU layer of the gradient tests' Dense → PReLU → output network, with {@link #SLOPES}.
   */
  private static Layer layer() {
    MultiLayerNetwork network =
        ActivationGradientTest.network(() -> new NeuronPReLULayer(NEURONS, 0.25), NEURONS);
    network.initGradientsView();
    Layer layer = network.getLayer(1);
    layer.getParam(PReLUParamInitializer.WEIGHT_KEY).assign(Nd4j.createFromArray(SLOPES));
    return layer;
  }

  private static double[][] gaussian(long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[][] values = new double[ROWS][NEURONS];
    for (double[] row : values) {
      for (int j = 0; j < NEURONS; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return values;
  }

  private static double[] flat(double[][] matrix) {
    return java.util.Arrays.stream(matrix).flatMapToDouble(java.util.Arrays::stream).toArray();
  }
}
