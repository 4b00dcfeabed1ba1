package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The layer's output against the specification's formula, computed here in plain Java. */
class ActMixForwardTest {

  private static final int NEURONS = 5;

  /** Double-precision sums of a handful of terms agree to well below this. */
  private static final double TOLERANCE = 1e-12;

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @ParameterizedTest(name = "T = {0}, batch = {1}")
  @CsvSource({"1.0, 1", "1.0, 7", "0.3, 1", "0.3, 7", "0.01, 1", "0.01, 7"})
  void output_allBasesRandomLogits_matchesFormula(double temperature, int batch) {
    List<BasisFunction> bases = List.of(BasisFunction.values());
    assertOutputMatchesFormula(bases, 1.7, temperature, batch);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(BasisFunction.class)
  void output_singleBasis_equalsThatBasis(BasisFunction basis) {
    assertOutputMatchesFormula(List.of(basis), 0.8, 0.3, 7);
  }

  private static void assertOutputMatchesFormula(
      List<BasisFunction> bases, double omega0, double temperature, int batch) {
    MultiLayerNetwork network =
        TestNetworks.actMix(
            3,
            NEURONS,
            1,
            () -> new ActMixLayer.Builder().basisFunctions(bases).omega0(omega0).build());
    ActMixRuntimeLayer layer = TestNetworks.actMixLayers(network).get(0);
    INDArray logits = TestNetworks.gaussian(42, NEURONS, bases.size(), 0.5);
    layer.getParam(ActMixLayer.LOGITS).assign(logits);
    layer.setTemperature(temperature);
    INDArray z = TestNetworks.gaussian(7, batch, NEURONS, 2.0);

    INDArray actual = layer.activate(z, false, LayerWorkspaceMgr.noWorkspaces());

    double[][] expected =
        formula(z.toDoubleMatrix(), logits.toDoubleMatrix(), bases, omega0, temperature);
    for (int i = 0; i < batch; i++) {
      assertArrayEquals(expected[i], actual.getRow(i).toDoubleVector(), TOLERANCE, "row " + i);
    }
  }

  /** {@code Σ_k softmax(a_j / T)_k · φ_k(z_ij)}, in the most direct form. */
  private static double[][] formula(
      double[][] z,
      double[][] logits,
      List<BasisFunction> bases,
      double omega0,
      double temperature) {
    double[][] out = new double[z.length][z[0].length];
    for (int j = 0; j < logits.length; j++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double a : logits[j]) {
        max = Math.max(max, a / temperature);
      }
      double[] weights = new double[bases.size()];
      double sum = 0;
      for (int k = 0; k < weights.length; k++) {
        weights[k] = Math.exp(logits[j][k] / temperature - max);
        sum += weights[k];
      }
      for (int i = 0; i < z.length; i++) {
        double x = z[i][j];
        double value = 0;
        for (int k = 0; k < weights.length; k++) {
          double phi =
              switch (bases.get(k)) {
                case SIN -> Math.sin(omega0 * x);
                case TANH -> Math.tanh(x);
                case RELU -> x > 0 ? x : 0;
                case IDENTITY -> x;
                case SIGMOID -> 1 / (1 + Math.exp(-x));
                case SILU -> x / (1 + Math.exp(-x));
              };
          value += weights[k] / sum * phi;
        }
        out[i][j] = value;
      }
    }
    return out;
  }
}
