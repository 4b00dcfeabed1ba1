package io.actmix.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actmix.experiments.cli.Main;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.data.DatasetFiles;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.study.CellResult;
import io.actmix.experiments.study.CellStore;
import io.actmix.experiments.study.CellWork;
import io.actmix.experiments.study.LocalEngine;
import io.actmix.experiments.study.ModelKinds;
import io.actmix.experiments.study.StudyData;
import io.actmix.experiments.study.StudyDefinition;
import io.actmix.experiments.study.StudyPlan;
import io.actmix.experiments.study.StudyRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code quick} study end to end, on the real power_plant data: engines agree, interrupted
 * studies resume, failed cells are retried, and what must be refused is refused before any cell is
 * written. Here, not in actmix-experiments, because a study needs every kind of model.
 */
@Tag("integration")
class StudyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CONFIG = Path.of("..", "config");

  @TempDir Path root;

  @BeforeAll
  static void projectConfig() {
    System.setProperty(Main.CONFIG_DIR_PROPERTY, CONFIG.toString());
  }

  @Test
  void study_quickOnOneLocalWorkerAndOnSparkLocal2_givesIdenticalCellMetrics() throws IOException {
    Path local = root.resolve("local");
    Path spark = root.resolve("spark");

    run("study", "name=quick", "workers=1", "paths.root_dir=" + local);
    run("study", "name=quick", "engine=spark", "spark.master=local[2]", "paths.root_dir=" + spark);

    assertEquals(results(local), results(spark));
  }

  @Test
  void study_quickOnOneOrTwoLocalWorkers_givesIdenticalCellMetrics() throws IOException {
    Path one = root.resolve("one");
    Path two = root.resolve("two");

    run("study", "name=quick", "workers=1", "paths.root_dir=" + one);
    run("study", "name=quick", "workers=2", "paths.root_dir=" + two);

    assertEquals(results(one), results(two));
  }

  @Test
  void study_interruptedAfterSomeCells_trainsOnlyTheRestAndEndsAsAnUninterruptedRun()
      throws IOException {
    Path whole = root.resolve("whole");
    Path resumed = root.resolve("resumed");
    run("study", "name=quick", "workers=2", "paths.root_dir=" + whole);
    copyTree(whole, resumed);
    List<Path> cells = cellFiles(resumed);
    for (Path lost : cells.subList(0, 3)) {
      Files.delete(lost); // as if the run had been killed before these cells finished
    }

    String output = run("study", "name=quick", "workers=2", "paths.root_dir=" + resumed);

    assertEquals(
        List.of(true, results(whole)),
        List.of(
            output.contains("Study quick: 8 cells, 5 already done, 3 to run on local"),
            results(resumed)));
  }

  @Test
  void run_cellThrows_recordsItFinishesTheOthersAndTheNextRunRetriesIt() throws Exception {
    ConfigLoader loader = new ConfigLoader(CONFIG);
    StudyPlan plan =
        StudyPlan.resolve(
            StudyDefinition.read(CONFIG.resolve("study/quick.yaml")),
            loader,
            ModelKinds.all(loader));
    StudyData data = StudyData.load(plan, DatasetFiles.standard(null, System.getenv(), line -> {}));
    CellStore store = new CellStore(root, "quick");
    String victim = plan.cells(data.plans()).get(5).key();
    LocalEngine.CellRunner failOnce =
        (cell, table, foldPlan) ->
            cell.key().equals(victim)
                ? CellResult.failed(cell, new IllegalStateException("injected failure"))
                : CellWork.run(cell, table, foldPlan);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    StudyRunner.Report first =
        new StudyRunner(store, new LocalEngine(2, failOnce), quiet).run("quick", plan, data);
    String recorded = store.failure(victim);
    StudyRunner.Report second =
        new StudyRunner(store, new LocalEngine(2), quiet).run("quick", plan, data);

    assertEquals(
        List.of(7, 1, "java.lang.IllegalStateException: injected failure", 1, 0, 8, List.of()),
        List.of(
            first.finished(),
            first.failed(),
            recorded,
            second.finished(),
            second.failed(),
            store.finishedKeys().size(),
            List.copyOf(store.failedKeys())));
  }

  @Test
  void study_folderHoldsCellsOfAnotherFoldPlan_refusesNamingBothDigests() throws IOException {
    run("study", "name=quick", "workers=2", "paths.root_dir=" + root);
    Path planFile = root.resolve("studies/quick/plans/power_plant-seed1192-k2.json");
    String ours = FoldPlan.read(planFile).digest();
    FoldPlan other = FoldPlan.kFold("power_plant", 9568, null, 2, 7);
    other.write(planFile);
    Map<String, JsonNode> before = results(root);

    Outcome outcome = runAllowingFailure("study", "name=quick", "paths.root_dir=" + root);

    assertEquals(
        List.of(Main.FAILED, true, true, before),
        List.of(
            outcome.status(),
            outcome.error().contains("computed on fold plan " + other.digest()),
            outcome.error().contains("but this run's plan is " + ours),
            results(root)));
  }

  @Test
  void study_sparkMasterUnreachable_failsWithinSecondsAndWritesNothing() {
    long start = System.nanoTime();

    Outcome outcome =
        runAllowingFailure(
            "study",
            "name=quick",
            "engine=spark",
            "spark.master=spark://127.0.0.1:9",
            "paths.root_dir=" + root.resolve("out"));

    assertEquals(
        List.of(
            Main.FAILED,
            "error: spark.master = spark://127.0.0.1:9; no master answered within 5 s; start it"
                + " (org.apache.spark.deploy.master.Master, see bench/spark-cluster.sh) or correct"
                + " the address; nothing was written",
            false,
            true),
        List.of(
            outcome.status(),
            outcome.error(),
            Files.exists(root.resolve("out")),
            (System.nanoTime() - start) / 1e9 < 30));
  }

  @Test
  void study_badStudyFile_failsWithItsMessageBeforeAnyWork() throws IOException {
    Path file = Files.writeString(root.resolve("bad.yaml"), "dataset: power_plant\nmodel: x\n");

    Outcome outcome =
        runAllowingFailure("study", "name=" + file, "paths.root_dir=" + root.resolve("out"));

    assertEquals(
        List.of(
            Main.USAGE,
            "error: "
                + file
                + ": model = 'x'; must be one of mlp_actmix, mlp_actmix_plr, mlp_gelu, mlp_prelu,"
                + " mlp_relu, mlp_relu_plr, xgboost",
            false),
        List.of(outcome.status(), outcome.error(), Files.exists(root.resolve("out"))));
  }

  @Test
  void study_resultsFolderIsAFile_failsNamingItAndWritesNothing() throws IOException {
    Path blocked = Files.writeString(root.resolve("results"), "a file");

    Outcome outcome = runAllowingFailure("study", "name=quick", "paths.root_dir=" + blocked);

    assertEquals(
        List.of(
            Main.FAILED,
            "error: study quick: results folder "
                + blocked.resolve("studies/quick")
                + " cannot be written: a file is in the way: "
                + blocked
                + "; choose another with paths.root_dir="),
        List.of(outcome.status(), outcome.error()));
  }

  @Test
  void trainCv_foldsAStudyUnderTheSameRootComputed_findsThemInsteadOfTraining() {
    run("study", "name=quick", "workers=2", "paths.root_dir=" + root);

    String output =
        run(
            "train-cv",
            "model=mlp_relu",
            "cv_folds=2",
            "training.max_epochs=2",
            "training.batch_size=256",
            "model.hidden_sizes=[8]",
            "paths.root_dir=" + root);

    assertTrue(
        output.contains(
            "mlp_relu on power_plant: 2 cells, 2 already done (2 found in other"
                + " studies), 0 to run"),
        output);
  }

  @Test
  void studyStatus_afterTheQuickStudy_countsEveryCellDone() {
    run("study", "name=quick", "workers=2", "paths.root_dir=" + root);

    String status = run("study-status", "name=quick", "paths.root_dir=" + root);

    assertTrue(status.contains("| all | | 8 | 0 | 0 |"), status);
  }

  @Test
  void studyReport_studyNeverRun_namesTheStudiesThatExist() {
    run("study", "name=quick", "workers=2", "paths.root_dir=" + root);

    Outcome outcome =
        runAllowingFailure("study-report", "name=reference", "paths.root_dir=" + root);

    assertEquals(
        List.of(
            Main.FAILED,
            "error: study-report: no study 'reference' under "
                + root.resolve("studies")
                + "; studies there: quick; run study name=reference first, or set"
                + " paths.root_dir="),
        List.of(outcome.status(), outcome.error()));
  }

  @Test
  void studyReport_quickStudy_writesTheReportAndItsPictures() {
    run("study", "name=quick", "workers=2", "paths.root_dir=" + root);

    String output = run("study-report", "name=quick", "paths.root_dir=" + root);

    assertTrue(
        output.contains("Report of study quick: ")
            && Files.isRegularFile(root.resolve("studies/quick/report.html")),
        output);
  }

  @Test
  void studyStatus_nothingRun_countsEveryCellPending() {
    String status = run("study-status", "name=quick", "paths.root_dir=" + root);

    assertTrue(status.contains("| all | | 0 | 0 | 8 |"), status);
  }

  @Test
  void studyStatus_embeddingsPresetNothingRun_counts390CellsPending() {
    String status = run("study-status", "name=embeddings", "paths.root_dir=" + root);

    assertTrue(status.contains("| all | | 0 | 0 | 390 |"), status);
  }

  /** Every cell's key with its outcome's metrics and validation loss. */
  private static Map<String, JsonNode> results(Path rootDir) throws IOException {
    Map<String, JsonNode> results = new TreeMap<>();
    for (Path file : cellFiles(rootDir)) {
      JsonNode outcome = JSON.readTree(file.toFile()).get("outcome");
      results.put(
          file.getFileName().toString(),
          JSON.createArrayNode()
              .add(outcome.get("metrics"))
              .add(outcome.get("best_validation_loss")));
    }
    return results;
  }

  private static List<Path> cellFiles(Path rootDir) throws IOException {
    try (Stream<Path> files = Files.list(rootDir.resolve("studies/quick/cells"))) {
      return files.sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private record Outcome(int status, String output, String error) {}

  /** Runs a command and returns what it printed; fails the test on a non-zero status. */
  private static String run(String... args) {
    Outcome outcome = runAllowingFailure(args);
    assertEquals(Main.OK, outcome.status(), outcome.error());
    return outcome.output();
  }

  private static Outcome runAllowingFailure(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            System.getenv(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).strip());
  }
}
