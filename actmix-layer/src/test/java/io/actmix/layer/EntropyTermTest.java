package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The entropy term λ·H̄ reaches both the logits' gradient and the network's score. */
class EntropyTermTest {

  private static final int ROWS = 6;

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @Test
  void logitsGradient_entropyWeight_addsLambdaTimesFiniteDifferenceOfEntropy() {
    double lambda = 0.7;
    double temperature = 0.4;
    double[][] logits = TestNetworks.gaussian(5, 4, 4, 1.0).toDoubleMatrix();
    MultiLayerNetwork network = network(logits, temperature);

    INDArray withoutTerm = rawLogitsGradient(network, 0.0);
    INDArray withTerm = rawLogitsGradient(network, lambda);

    // Raw gradients are sums over the minibatch; the updater divides them by its size.
    double[][] entropyPart = withTerm.sub(withoutTerm).divi(ROWS).toDoubleMatrix();
    double step = 1e-6;
    for (int j = 0; j < logits.length; j++) {
      double[] expected = new double[logits[j].length];
      for (int k = 0; k < expected.length; k++) {
        double[][] up = copy(logits);
        double[][] down = copy(logits);
        up[j][k] += step;
        down[j][k] -= step;
        expected[k] =
            lambda * (meanEntropy(up, temperature) - meanEntropy(down, temperature)) / (2 * step);
      }
      // Central differences of a smooth function: error O(step²) plus rounding O(1e-16 / step).
      assertArrayEquals(expected, entropyPart[j], 1e-8, "neuron " + j);
    }
  }

  @Test
  void score_entropyWeight_exceedsScoreWithoutItByLambdaTimesEntropy() {
    double lambda = 0.7;
    double temperature = 0.4;
    double[][] logits = TestNetworks.gaussian(5, 4, 4, 1.0).toDoubleMatrix();
    MultiLayerNetwork network = network(logits, temperature);

    double withoutTerm = score(network, 0.0);
    double withTerm = score(network, lambda);

    assertEquals(lambda * meanEntropy(logits, temperature), withTerm - withoutTerm, 1e-12);
  }

  @Test
  void score_warmupListenerOnTwoLayers_addsLambdaTimesMeanOverLayers() {
    double lambda = 0.7;
    MultiLayerNetwork network =
        TestNetworks.actMix(3, 4, 2, () -> new ActMixLayer.Builder().temperature(0.4).build());
    List<ActMixRuntimeLayer> layers = TestNetworks.actMixLayers(network);
    layers.get(0).getParam(ActMixLayer.LOGITS).assign(TestNetworks.gaussian(5, 4, 4, 1.0));
    layers.get(1).getParam(ActMixLayer.LOGITS).assign(TestNetworks.gaussian(6, 4, 4, 1.0));
    double withoutTerm = score(network, 0.0);

    new EntropyWarmupListener(new EntropyWarmupSchedule(lambda, 0)).onEpochStart(network);
    double withTerm = scoreAsIs(network);

    double expected =
        lambda
            * (meanEntropy(TestNetworks.gaussian(5, 4, 4, 1.0).toDoubleMatrix(), 0.4)
                + meanEntropy(TestNetworks.gaussian(6, 4, 4, 1.0).toDoubleMatrix(), 0.4))
            / 2;
    assertEquals(expected, withTerm - withoutTerm, 1e-12);
  }

  private static MultiLayerNetwork network(double[][] logits, double temperature) {
    MultiLayerNetwork network =
        TestNetworks.actMix(
            3, 4, 1, () -> new ActMixLayer.Builder().temperature(temperature).build());
    TestNetworks.actMixLayers(network)
        .get(0)
        .getParam(ActMixLayer.LOGITS)
        .assign(Nd4j.create(logits));
    return network;
  }

  private static INDArray rawLogitsGradient(MultiLayerNetwork network, double entropyWeight) {
    TestNetworks.actMixLayers(network).forEach(layer -> layer.setEntropyWeight(entropyWeight));
    feed(network);
    network.computeGradientAndScore();
    return network.gradient().getGradientFor("1_" + ActMixLayer.LOGITS).dup();
  }

  private static double score(MultiLayerNetwork network, double entropyWeight) {
    TestNetworks.actMixLayers(network).forEach(layer -> layer.setEntropyWeight(entropyWeight));
    return scoreAsIs(network);
  }

  private static double scoreAsIs(MultiLayerNetwork network) {
    feed(network);
    network.computeGradientAndScore();
    return network.score();
  }

  private static void feed(MultiLayerNetwork network) {
    network.setInput(TestNetworks.gaussian(1, ROWS, 3, 1.0));
    network.setLabels(TestNetworks.gaussian(2, ROWS, 1, 1.0));
  }

  /** {@code mean_j −Σ_k α_jk ln α_jk} with {@code α_j = softmax(a_j / T)}, directly. */
  static double meanEntropy(double[][] logits, double temperature) {
    double total = 0;
    for (double[] row : logits) {
      double normalizer = 0;
      for (double a : row) {
        normalizer += Math.exp(a / temperature);
      }
      for (double a : row) {
        double alpha = Math.exp(a / temperature) / normalizer;
        total -= alpha * Math.log(alpha);
      }
    }
    return total / logits.length;
  }

  private static double[][] copy(double[][] values) {
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      copy[i] = values[i].clone();
    }
    return copy;
  }
}
