package io.actmix.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actmix.experiments.SharedData;
import io.actmix.experiments.data.Preprocessing;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.UciDataset;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.metrics.Summary;
import io.actmix.experiments.results.CvResults;
import io.actmix.experiments.results.FoldResult;
import io.actmix.experiments.training.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commands end to end on the real data, with small networks and few epochs. */
@Tag("integration")
class CommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Small and quick: 2 folds, 2 epochs, one hidden block of 8. */
  private static final List<String> QUICK =
      List.of(
          "cv_folds=2",
          "training.max_epochs=2",
          "model.hidden_sizes=[8]",
          "training.batch_size=256",
          "workers=1");

  @TempDir Path root;

  @BeforeAll
  static void projectConfig() {
    System.setProperty(Main.CONFIG_DIR_PROPERTY, Path.of("..", "config").toString());
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "mlp_actmix, power_plant", "mlp_relu, power_plant", "mlp_gelu, power_plant",
    "mlp_prelu, power_plant", "mlp_actmix, adult_census", "mlp_relu, adult_census",
    "mlp_gelu, adult_census", "mlp_prelu, adult_census", "mlp_actmix, magic_gamma",
    "mlp_relu, magic_gamma", "mlp_gelu, magic_gamma", "mlp_prelu, magic_gamma",
    "mlp_actmix_plr, power_plant", "mlp_actmix_plr, adult_census", "mlp_relu_plr, magic_gamma"
  })
  void trainCv_quickRun_writesFiniteMetricsWithTheFoldPlansDigest(String model, String dataset) {
    Path directory = root.resolve("experiments").resolve(model + "_" + dataset);

    run("train-cv", "model=" + model, "dataset=" + dataset);

    CvResults results = CvResults.read(directory.resolve(CvResults.FILE_NAME));
    FoldPlan plan = FoldPlan.read(directory.resolve("fold_plan.json"));
    assertEquals(plan.digest(), results.foldPlanDigest());
    for (Map.Entry<String, Summary> metric : results.aggregates().entrySet()) {
      assertTrue(Double.isFinite(metric.getValue().mean()), metric.getKey() + " is not finite");
    }
  }

  @Test
  void bench_warmupAndTimedEpochs_reportsEachModelsTimedEpochsOnly() throws IOException {
    run(
        "bench",
        "dataset=power_plant",
        "bench.epochs=2",
        "bench.warmup=1",
        "bench.models=[mlp_actmix, mlp_relu, mlp_gelu, mlp_prelu]");

    JsonNode report =
        JSON.readTree(
            root.resolve("experiments").resolve("bench").resolve("power_plant.json").toFile());
    assertEquals(1, report.get("warmup").asInt());
    assertEquals(4, report.get("models").size());
    for (JsonNode model : report.get("models")) {
      assertEquals(2, model.get("epoch_seconds").size(), model.get("model").asText());
      assertTrue(model.get("median_epoch_s").asDouble() > 0, model.get("model").asText());
    }
  }

  @Test
  void bench_defaultModels_timesTheSixNetworksInOrder() throws IOException {
    run("bench", "dataset=power_plant", "bench.epochs=1", "bench.warmup=0");

    JsonNode report =
        JSON.readTree(
            root.resolve("experiments").resolve("bench").resolve("power_plant.json").toFile());
    List<String> models = new java.util.ArrayList<>();
    report.get("models").forEach(model -> models.add(model.get("model").asText()));
    assertEquals(
        List.of(
            "mlp_actmix", "mlp_relu", "mlp_gelu", "mlp_prelu", "mlp_relu_plr", "mlp_actmix_plr"),
        models);
  }

  @Test
  void trainCv_sameSeedTwice_givesIdenticalMetrics() {
    List<Map<String, Double>> first =
        foldMetrics(runIn(root.resolve("first"), "train-cv", "dataset=magic_gamma"));
    List<Map<String, Double>> second =
        foldMetrics(runIn(root.resolve("second"), "train-cv", "dataset=magic_gamma"));

    assertEquals(first, second);
  }

  @Test
  void trainCv_oneOrTwoWorkers_givesIdenticalMetrics() {
    List<Map<String, Double>> one =
        foldMetrics(runIn(root.resolve("one"), "train-cv", "dataset=magic_gamma"));
    List<Map<String, Double>> two =
        foldMetrics(runIn(root.resolve("two"), "train-cv", "dataset=magic_gamma", "workers=2"));

    assertEquals(one, two);
  }

  @Test
  void train_earlyStopping_reportsMinimumValidationLossAndBestReloadsExactly() throws IOException {
    Path directory = root.resolve("experiments").resolve("mlp_actmix_power_plant");
    run(
        "train",
        "training.max_epochs=30",
        "training.early_stopping_patience=2",
        "training.learning_rate=0.05");

    JsonNode results = JSON.readTree(directory.resolve("test_results.json").toFile());
    JsonNode history = JSON.readTree(directory.resolve("history.json").toFile());
    double minimum = Double.POSITIVE_INFINITY;
    for (JsonNode epoch : history) {
      minimum = Math.min(minimum, epoch.get("validation_loss").asDouble());
    }
    MultiLayerNetwork best =
        ModelSerializer.restoreMultiLayerNetwork(
            directory.resolve("checkpoints").resolve(Trainer.BEST).toFile());
    Preprocessing preprocessing =
        Preprocessing.load(directory.resolve("checkpoints").resolve(Trainer.PREPROCESSING));
    RawTable table = SharedData.table(UciDataset.POWER_PLANT);
    var fold = FoldPlan.read(directory.resolve("fold_plan.json")).fold(0);
    Map<String, Double> reloaded =
        Trainer.testMetrics(
            table, fold, preprocessing, best, preprocessing.apply(table, fold.test()));
    assertEquals(
        List.of(true, minimum, JSON.convertValue(results.get("metrics"), Map.class)),
        List.of(
            results.get("epochs_trained").asInt() < 30,
            results.get("best_validation_loss").asDouble(),
            reloaded));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "training.max_epoch=5"
            + " | error: Unknown key 'training.max_epoch'; did you mean training.max_epochs?",
        "training.max_epochs=many | error: training.max_epochs = 'many'; must be an integer",
        "cv_folds=1 | error: cv_folds = 1; must be >= 2",
        "training.max_epochs=-3 | error: training.max_epochs = -3; must be >= 1",
        "model=mlp_swish"
            + " | error: Unknown model 'mlp_swish'; choices: mlp_actmix, mlp_actmix_plr, mlp_gelu,"
            + " mlp_prelu, mlp_relu, mlp_relu_plr"
      })
  void run_badOverride_printsPinnedMessageAndCreatesNoOutput(String override, String message) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Main.run(
            new String[] {"train-cv", override, "paths.root_dir=" + root},
            Map.of(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(
        List.of(2, message, false),
        List.of(
            status,
            err.toString(StandardCharsets.UTF_8).strip(),
            Files.exists(root.resolve("experiments"))));
  }

  @Test
  void run_unknownCommand_listsCommands() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    Main.run(
        new String[] {"train-all"},
        Map.of(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(
        "error: Unknown command 'train-all'; commands: train, train-cv, train-cv-all, bench,"
            + " study, study-status, study-report, analyze",
        err.toString(StandardCharsets.UTF_8).strip());
  }

  /** Runs a command with the quick settings into the temporary root; fails on a non-zero exit. */
  private CvResults run(String command, String... overrides) {
    return runIn(root, command, overrides);
  }

  /** Runs a command with the quick settings into {@code rootDir}; fails on a non-zero exit. */
  private static CvResults runIn(Path rootDir, String command, String... overrides) {
    List<String> args = new ArrayList<>();
    args.add(command);
    args.addAll(QUICK);
    args.add("paths.root_dir=" + rootDir);
    args.addAll(List.of(overrides));
    String dataset =
        args.stream()
            .filter(a -> a.startsWith("dataset="))
            .reduce((a, b) -> b)
            .orElse("dataset=power_plant")
            .substring(8);
    SharedData.file(UciDataset.of(dataset)); // the command finds it where SharedData does
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args.toArray(String[]::new),
            System.getenv(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    if (!command.equals("train-cv")) {
      return null;
    }
    String model =
        args.stream()
            .filter(a -> a.startsWith("model="))
            .reduce((a, b) -> b)
            .orElse("model=mlp_actmix")
            .substring(6);
    return CvResults.read(
        rootDir.resolve("experiments").resolve(model + "_" + dataset).resolve(CvResults.FILE_NAME));
  }

  private static List<Map<String, Double>> foldMetrics(CvResults results) {
    assertFalse(results.folds().isEmpty());
    return results.folds().stream().map(FoldResult::metrics).toList();
  }
}
