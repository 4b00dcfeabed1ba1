package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The embedding's forward pass against a direct computation of its formula. */
class PeriodicEmbeddingForwardTest {

  /** Both sides compute in double precision from the same parameters: rounding only. */
  private static final double DOUBLE_TOLERANCE = 1e-12;

  /**
   * A float32 network stores inputs, parameters and outputs in float32 (relative 6e-8) and takes
   * sine and cosine from SinglePrecisionMath (absolute 1e-9); outputs here are of order 1, and the
   * linear map sums 2K = 6 rounded terms: 1e-6 is several times the worst case.
   */
  private static final double FLOAT_TOLERANCE = 1e-6;

  private static final int INPUTS = 5;
  private static final int[] NUMERIC = {3, 0, 4};

  @AfterEach
  void restorePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @Test
  void activate_reluActivation_matchesFormula() {
    TestNetworks.useDoublePrecision();
    MultiLayerNetwork network = network(builder().build(), DataType.DOUBLE);
    INDArray input = TestNetworks.gaussian(7, 6, INPUTS, 1.5);

    double[][] actual = activate(network, input);

    assertMatrixEquals(reference(network, input), actual, DOUBLE_TOLERANCE);
  }

  @Test
  void activate_actMixActivation_matchesFormula() {
    TestNetworks.useDoublePrecision();
    MultiLayerNetwork network = network(actMixBuilder().build(), DataType.DOUBLE);
    mix(network, 0.6);
    INDArray input = TestNetworks.gaussian(7, 6, INPUTS, 1.5);

    double[][] actual = activate(network, input);

    assertMatrixEquals(reference(network, input), actual, DOUBLE_TOLERANCE);
  }

  @Test
  void activate_float32Network_matchesFormulaToFloatResolution() {
    TestNetworks.useSinglePrecision();
    MultiLayerNetwork network = network(actMixBuilder().build(), DataType.FLOAT);
    mix(network, 0.6);
    INDArray input = TestNetworks.gaussian(7, 6, INPUTS, 1.5).castTo(DataType.FLOAT);

    double[][] actual = activate(network, input);

    assertMatrixEquals(reference(network, input), actual, FLOAT_TOLERANCE);
  }

  @Test
  void activate_passThroughColumns_copiedUnchangedAfterEmbeddings() {
    TestNetworks.useDoublePrecision();
    MultiLayerNetwork network = network(builder().build(), DataType.DOUBLE);
    INDArray input = TestNetworks.gaussian(7, 4, INPUTS, 1.5);

    double[][] actual = activate(network, input);

    int units = NUMERIC.length * 2;
    for (int r = 0; r < actual.length; r++) {
      assertArrayEquals(
          new double[] {input.getDouble(r, 1), input.getDouble(r, 2)},
          new double[] {actual[r][units], actual[r][units + 1]},
          0.0);
    }
  }

  @Test
  void getOutputType_numericAndOtherColumns_isEmbeddingsPlusOthers() {
    PeriodicEmbeddingLayer layer = builder().build();

    assertEquals(3 * 2 + 2, layer.outputSize(INPUTS));
  }

  @Test
  void activate_defaultColumns_embedsEveryColumn() {
    TestNetworks.useDoublePrecision();
    MultiLayerNetwork network =
        network(
            new PeriodicEmbeddingLayer.Builder().frequencies(2).embeddingSize(3).build(),
            DataType.DOUBLE);

    double[][] actual = activate(network, TestNetworks.gaussian(7, 2, INPUTS, 1.0));

    assertEquals(INPUTS * 3, actual[0].length);
  }

  static PeriodicEmbeddingLayer.Builder builder() {
    return new PeriodicEmbeddingLayer.Builder()
        .numericColumns(NUMERIC)
        .frequencies(3)
        .embeddingSize(2)
        .sigma(0.4);
  }

  static PeriodicEmbeddingLayer.Builder actMixBuilder() {
    return builder().actMixActivation(new ActMixLayer.Builder().omega0(1.3).build());
  }

  static MultiLayerNetwork network(PeriodicEmbeddingLayer layer, DataType dataType) {
    return TestNetworks.embedding(layer, INPUTS, dataType);
  }

  /** Random logits and temperature {@code temperature} for the embedding's ActMix activation. */
  static void mix(MultiLayerNetwork network, double temperature) {
    Layer embedding = network.getLayer(0);
    INDArray logits = embedding.getParam(ActMixLayer.LOGITS);
    logits.assign(
        TestNetworks.gaussian(11, (int) logits.size(0), (int) logits.size(1), 1.0)
            .castTo(logits.dataType()));
    ((MixingLayer) embedding).setTemperature(temperature);
  }

  private static double[][] activate(MultiLayerNetwork network, INDArray input) {
    Layer layer = network.getLayer(0);
    layer.setInput(input, LayerWorkspaceMgr.noWorkspaces());
    return layer
        .activate(false, LayerWorkspaceMgr.noWorkspaces())
        .castTo(DataType.DOUBLE)
        .toDoubleMatrix();
  }

  /**
   * The embedding written out from its definition, in double precision, with the ActMix activation
   * from {@link LayerMixing#activation} (the neuron's {@code Σ_k α_k φ_k}).
   */
  static double[][] reference(MultiLayerNetwork network, INDArray input) {
    Layer layer = network.getLayer(0);
    PeriodicEmbeddingLayer conf = (PeriodicEmbeddingLayer) layer.conf().getLayer();
    double[][] c =
        layer.getParam(PeriodicEmbeddingLayer.FREQUENCIES).castTo(DataType.DOUBLE).toDoubleMatrix();
    double[][] w =
        layer.getParam(PeriodicEmbeddingLayer.WEIGHTS).castTo(DataType.DOUBLE).toDoubleMatrix();
    double[][] b =
        layer.getParam(PeriodicEmbeddingLayer.BIASES).castTo(DataType.DOUBLE).toDoubleMatrix();
    LayerMixing mixing = layer instanceof MixingLayer m ? m.mixing() : null;
    double[][] x = input.castTo(DataType.DOUBLE).toDoubleMatrix();
    int[] numeric = conf.numericColumnIndices();
    int k = conf.getFrequencies();
    int d = conf.getEmbeddingSize();
    int[] others = conf.passThroughColumns();
    double[][] out = new double[x.length][numeric.length * d + others.length];
    for (int r = 0; r < x.length; r++) {
      for (int f = 0; f < numeric.length; f++) {
        double value = x[r][numeric[f]];
        double[] v = new double[2 * k];
        for (int i = 0; i < k; i++) {
          v[i] = Math.sin(2 * Math.PI * c[f][i] * value);
          v[k + i] = Math.cos(2 * Math.PI * c[f][i] * value);
        }
        for (int e = 0; e < d; e++) {
          double z = b[f][e];
          for (int m = 0; m < 2 * k; m++) {
            z += v[m] * w[f * 2 * k + m][e];
          }
          int unit = f * d + e;
          out[r][unit] = mixing == null ? Math.max(z, 0.0) : mixing.activation(unit, z);
        }
      }
      for (int p = 0; p < others.length; p++) {
        out[r][numeric.length * d + p] = x[r][others[p]];
      }
    }
    return out;
  }

  static void assertMatrixEquals(double[][] expected, double[][] actual, double tolerance) {
    assertEquals(expected.length, actual.length, "rows");
    for (int r = 0; r < expected.length; r++) {
      assertArrayEquals(expected[r], actual[r], tolerance, "row " + r);
    }
  }
}
