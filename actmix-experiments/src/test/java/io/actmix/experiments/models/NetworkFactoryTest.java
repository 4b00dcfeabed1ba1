package io.actmix.experiments.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.data.Task;
import io.actmix.experiments.training.CosineSchedule;
import io.actmix.layer.ActMixLayer;
import io.actmix.layer.PeriodicEmbeddingLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * The networks {@link NetworkFactory} builds decay every trainable parameter at the configured λ
 * once, as PyTorch's AdamW does (SPEC §3): DL4J's global weight decay would put it twice on dense,
 * output and PReLU layers.
 */
class NetworkFactoryTest {

  private static final Path CONFIG = Path.of("..", "config");

  /** Parameters never decayed: the ActMix temperature state and the embedding's frequencies. */
  private static final List<String> UNDECAYED =
      List.of(ActMixLayer.STATE, PeriodicEmbeddingLayer.FREQUENCIES);

  /** Each parameter, as {@code "<layer index>_<name>"}, with the regularizations DL4J applies. */
  private static Map<String, List<Regularization>> regularizations(String... overrides) {
    ExperimentConfig config = new ConfigLoader(CONFIG).load(List.of(overrides));
    MultiLayerNetwork network =
        NetworkFactory.network(
            config.model(),
            config.training(),
            new CosineSchedule(1e-3, 0.01, 10),
            Task.REGRESSION,
            4,
            List.of(0, 1, 2, 3),
            1,
            config.seed());
    Map<String, List<Regularization>> byParameter = new TreeMap<>();
    for (Layer layer : network.getLayers()) {
      for (String name : layer.paramTable().keySet()) {
        byParameter.put(
            layer.getIndex() + "_" + name, layer.conf().getLayer().getRegularizationByParam(name));
      }
    }
    return byParameter;
  }

  /** What every parameter should carry: one weight decay λ, or nothing for {@link #UNDECAYED}. */
  private static Map<String, List<Regularization>> expected(
      Map<String, List<Regularization>> actual, double lambda) {
    Map<String, List<Regularization>> expected = new TreeMap<>();
    for (String key : actual.keySet()) {
      String name = key.substring(key.indexOf('_') + 1);
      List<Regularization> decay = new ArrayList<>();
      if (lambda > 0 && !UNDECAYED.contains(name)) {
        decay.add(new WeightDecay(lambda, true));
      }
      expected.put(key, decay);
    }
    return expected;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mlp_relu",
        "mlp_gelu",
        "mlp_prelu",
        "mlp_actmix",
        "mlp_relu_plr",
        "mlp_actmix_plr"
      })
  void network_defaultTraining_decaysEveryTrainableParameterOnce(String model) {
    Map<String, List<Regularization>> actual = regularizations("model=" + model);

    assertEquals(expected(actual, 1e-4), actual);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp_prelu", "mlp_actmix_plr"})
  void network_zeroWeightDecay_regularizesNothing(String model) {
    Map<String, List<Regularization>> actual =
        regularizations("model=" + model, "training.weight_decay=0");

    assertEquals(expected(actual, 0), actual);
  }
}
