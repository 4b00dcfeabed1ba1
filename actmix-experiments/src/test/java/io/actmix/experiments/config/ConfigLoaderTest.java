package io.actmix.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.actmix.layer.ActMixLayer;
import io.actmix.layer.EntropyWarmupSchedule;
import io.actmix.layer.TemperatureSchedule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The project's own config/ directory, resolved with overrides. */
class ConfigLoaderTest {

  static final Path CONFIG = Path.of("..", "config");

  private final ConfigLoader loader = new ConfigLoader(CONFIG);

  @Test
  void load_noOverrides_givesReferenceDefaults() {
    ExperimentConfig config = loader.load(List.of());

    assertEquals(
        "power_plant mlp_actmix 1192 10 200 128 0.001",
        config.dataset().name()
            + " "
            + config.model().name()
            + " "
            + config.seed()
            + " "
            + config.cvFolds()
            + " "
            + config.training().maxEpochs()
            + " "
            + config.training().batchSize()
            + " "
            + config.training().learningRate());
  }

  @Test
  void load_defaults_agreeWithTheLayersJavaDefaults() {
    ExperimentConfig config = loader.load(List.of());
    ModelConfig.ActMix actMix = config.model().actmix();
    TrainingConfig training = config.training();

    assertEquals(
        List.of(
            ActMixLayer.DEFAULT_BASIS_FUNCTIONS,
            ActMixLayer.DEFAULT_RELU_BIAS,
            ActMixLayer.DEFAULT_OMEGA_0,
            TemperatureSchedule.defaults(),
            EntropyWarmupSchedule.defaults()),
        List.of(
            actMix.bases(),
            actMix.reluBias(),
            actMix.omega0(),
            new TemperatureSchedule(
                training.temperature().initial(),
                training.temperature().end(),
                training.temperature().annealEpochs()),
            new EntropyWarmupSchedule(
                training.entropyRegularization().lambdaMax(),
                training.entropyRegularization().warmupEpochs())));
  }

  @Test
  void load_referenceOverrides_applyEveryOne() {
    ExperimentConfig config =
        loader.load(
            List.of(
                "dataset=adult_census",
                "model=mlp_relu",
                "seed=7",
                "training.max_epochs=5",
                "training.learning_rate=5e-4",
                "cv_folds=3",
                "model.hidden_sizes=[64, 32]"));

    assertEquals(
        "adult_census mlp_relu 7 5 5.0E-4 3 [64, 32]",
        config.dataset().name()
            + " "
            + config.model().name()
            + " "
            + config.seed()
            + " "
            + config.training().maxEpochs()
            + " "
            + config.training().learningRate()
            + " "
            + config.cvFolds()
            + " "
            + config.model().hiddenSizes());
  }

  @Test
  void fromYaml_resolvedConfiguration_equalsOriginal() {
    ExperimentConfig config = loader.load(List.of("model=mlp_actmix", "seed=3"));

    assertEquals(config, ConfigLoader.fromYaml(ConfigLoader.toYaml(config)));
  }

  /** Each case: overrides separated by ';', then '|', then the message. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "training.max_epoch=5 | Unknown key 'training.max_epoch'; did you mean training.max_epochs?",
        "learning_rate=0.1 | Unknown key 'learning_rate'; did you mean training.learning_rate?",
        "training.max_epochs=five | training.max_epochs = 'five'; must be an integer",
        "training.learning_rate=fast | training.learning_rate = 'fast'; must be a number",
        "cv_folds=1 | cv_folds = 1; must be >= 2",
        "training.max_epochs=-5 | training.max_epochs = -5; must be >= 1",
        "training.learning_rate=-1e-3"
            + " | training.learning_rate = -0.001; must be a finite number > 0",
        "model=mlp_tanh"
            + " | Unknown model 'mlp_tanh'; choices: mlp_actmix, mlp_actmix_plr, mlp_gelu,"
            + " mlp_prelu, mlp_relu, mlp_relu_plr",
        "model=mlp_relu_plr;model.embedding.sigma=0"
            + " | model.embedding.sigma = 0.0; must be a finite number > 0",
        "model=mlp_relu_plr;model.embedding.size=0 | model.embedding.size = 0; must be >= 1",
        "dataset=iris"
            + " | Unknown dataset 'iris'; choices: adult_census, magic_gamma, power_plant",
        "training.temperature=0.5"
            + " | training.temperature is a group of keys; set one of: training.temperature.initial,"
            + " training.temperature.final, training.temperature.anneal_epochs",
        "model.actmix.basis_functions=[sin, gelu]"
            + " | Unknown basis 'gelu'; valid: sin, tanh, relu, identity, sigmoid, silu",
        "maxepochs | Bad argument 'maxepochs'; overrides take the form key=value, for example"
            + " training.max_epochs=5"
      })
  void load_badOverride_failsWithPinnedMessage(String override, String message) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> loader.load(List.of(override.split(";"))));

    assertEquals(message, error.getMessage());
  }

  @Test
  void load_actMixPlr_embeddingTakesTheActMixOptions() {
    ExperimentConfig config =
        loader.load(List.of("model=mlp_actmix_plr", "model.embedding.sigma=3"));

    assertEquals(
        "48 24 3.0 actmix true",
        config.model().embedding().frequencies()
            + " "
            + config.model().embedding().size()
            + " "
            + config.model().embedding().sigma()
            + " "
            + config.model().embedding().activation().label()
            + " "
            + config.model().usesActMix());
  }

  @Test
  void load_modelWithoutEmbedding_writesNoEmbeddingKey() {
    ExperimentConfig config = loader.load(List.of("model=mlp_relu"));

    assertEquals(false, ConfigLoader.toYaml(config).contains("embedding"));
  }

  @Test
  void fromYaml_plrConfiguration_equalsOriginal() {
    ExperimentConfig config = loader.load(List.of("model=mlp_actmix_plr"));

    assertEquals(config, ConfigLoader.fromYaml(ConfigLoader.toYaml(config)));
  }

  @Test
  void distance_oneDeletion_isOne() {
    assertEquals(1, ConfigLoader.distance("max_epoch", "max_epochs"));
  }
}
