package io.actmix.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.actmix.experiments.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Study files: their cells, and bad files failing with their message before any data is read. */
class StudyPlanTest {

  private static final ConfigLoader LOADER = new ConfigLoader(Path.of("..", "config"));

  @TempDir Path directory;

  @Test
  void resolve_axisOfOneModel_expandsOnlyForThatModel() throws IOException {
    StudyPlan plan =
        plan(
            study(
                "dataset: power_plant",
                "model: [mlp_actmix, mlp_relu]",
                "grid:",
                "  model.actmix.schedule: [full, notemp]"));

    assertEquals(
        List.of(
            "mlp_actmix {model.actmix.schedule=full}",
            "mlp_actmix {model.actmix.schedule=notemp}",
            "mlp_relu {}"),
        plan.configurations().stream().map(c -> c.model() + " " + c.point()).toList());
  }

  @Test
  void resolve_gridOfTwoAxes_givesTheirProductTimesTheSeeds() throws IOException {
    StudyPlan plan =
        plan(
            study(
                "dataset: magic_gamma",
                "model: mlp_actmix",
                "seed: [1, 2]",
                "grid:",
                "  model.hidden_sizes: [[8], [8, 8], [16]]",
                "  model.actmix.relu_bias: [0, 1.5]"));

    assertEquals(3 * 2 * 2, plan.configurations().size());
  }

  @Test
  void resolve_embeddingAndActMixAxes_sameGridForReluAndActMixAlike() throws IOException {
    StudyPlan plan =
        plan(
            study(
                "dataset: power_plant",
                "model: [mlp_relu, mlp_actmix, mlp_relu_plr, mlp_actmix_plr]",
                "grid:",
                "  model.embedding.sigma: [0.03, 3]",
                "  model.actmix.relu_bias: [0, 1.5]"));

    assertEquals(
        List.of(
            "mlp_relu {}",
            "mlp_actmix {model.actmix.relu_bias=0}",
            "mlp_actmix {model.actmix.relu_bias=1.5}",
            "mlp_relu_plr {model.embedding.sigma=0.03}",
            "mlp_relu_plr {model.embedding.sigma=3}",
            "mlp_actmix_plr {model.embedding.sigma=0.03, model.actmix.relu_bias=0}",
            "mlp_actmix_plr {model.embedding.sigma=0.03, model.actmix.relu_bias=1.5}",
            "mlp_actmix_plr {model.embedding.sigma=3, model.actmix.relu_bias=0}",
            "mlp_actmix_plr {model.embedding.sigma=3, model.actmix.relu_bias=1.5}"),
        plan.configurations().stream().map(c -> c.model() + " " + c.point()).toList());
  }

  @Test
  void resolve_sameSettingsTwice_givesTheSameKeys() throws IOException {
    StudyDefinition definition = study("dataset: power_plant", "model: [mlp_relu, mlp_gelu]");

    assertEquals(
        CellKey.canonical(plan(definition).configurations().get(0).settings()),
        CellKey.canonical(plan(definition).configurations().get(0).settings()));
  }

  @Test
  void settings_changedValue_changesTheKey() {
    var first = LOADER.load(List.of("model=mlp_relu"));
    var second = LOADER.load(List.of("model=mlp_relu", "model.dropout=0.2"));

    assertEquals(
        false,
        CellKey.of("networks", NetworkKind.settings(first), "d", 0)
            .equals(CellKey.of("networks", NetworkKind.settings(second), "d", 0)));
  }

  @Test
  void settings_workersAndPaths_doNotChangeTheKey() {
    var first = LOADER.load(List.of("model=mlp_relu", "workers=1"));
    var second = LOADER.load(List.of("model=mlp_relu", "workers=2", "paths.root_dir=/elsewhere"));

    assertEquals(
        CellKey.of("networks", NetworkKind.settings(first), "d", 0),
        CellKey.of("networks", NetworkKind.settings(second), "d", 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown key | training.max_epoch: 5"
            + " | Unknown key 'training.max_epoch'; did you mean training.max_epochs?",
        "value out of range | training.max_epochs: -3 | training.max_epochs = -3; must be >= 1"
            + " (mlp_relu on power_plant)",
        "unknown model | model: [mlp_relu, mlp_swish] | model = 'mlp_swish'; must be one of"
            + " mlp_actmix, mlp_actmix_plr, mlp_gelu, mlp_prelu, mlp_relu, mlp_relu_plr",
        "empty grid | 'grid: {}' | grid = {}; must map one or more override keys to lists of"
            + " values, for example grid: {model.hidden_sizes: [[64], [128]]}; or leave grid out",
        "empty axis | 'grid: {model.dropout: []}' | grid.model.dropout = []; must be a non-empty"
            + " list of values",
        "axis no model accepts | 'grid: {model.actmix.relu_bias: [0, 1.5]}'"
            + " | grid.model.actmix.relu_bias applies to none of the study's models (mlp_relu,"
            + " mlp_gelu); add a model it applies to, or remove it",
        "axis value out of range | 'grid: {model.dropout: [0.1, 1.5]}'"
            + " | model.dropout = 1.5; must be in [0, 1) (mlp_relu on power_plant)",
        "engine key | workers: 2 | workers says where or how fast a study runs, not what it"
            + " computes; give it on the command line (study name=… workers=…)"
      })
  void resolve_badStudyFile_failsNamingTheFileAndTheRule(String label, String line, String message)
      throws IOException {
    String modelLine = line.startsWith("model:") ? line : "model: [mlp_relu, mlp_gelu]";
    String extra = line.startsWith("model:") ? "" : line;

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> plan(study("dataset: power_plant", modelLine, extra)));

    assertEquals(directory.resolve("bad.yaml") + ": " + message, error.getMessage());
  }

  private StudyDefinition study(String... lines) throws IOException {
    Path file = directory.resolve("bad.yaml");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return StudyDefinition.read(file);
  }

  private static StudyPlan plan(StudyDefinition definition) {
    return StudyPlan.resolve(definition, LOADER, ModelKinds.all(LOADER));
  }

  @Test
  void text_list_isTheOverridesListSyntax() {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();

    assertEquals("[128,128]", StudyDefinition.text(json.valueToTree(List.of(128, 128))));
  }
}
