package io.actmix.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.ActionableFailure;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.study.CellOutcome;
import io.actmix.experiments.study.CellResult;
import io.actmix.experiments.study.CellSpec;
import io.actmix.experiments.study.CellStore;
import io.actmix.experiments.study.NetworkKind;
import io.actmix.experiments.study.StoredCell;
import io.actmix.experiments.study.StudyPlan;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on hand-built cells of power_plant (no training): two ActMix configurations, A and B,
 * where A has the lower validation loss in every fold but B the better test RMSE, and a ReLU
 * network of one configuration.
 */
class StudyReportTest {

  private static final int FOLDS = 4;
  private static final FoldPlan PLAN = FoldPlan.kFold("power_plant", 40, null, FOLDS, 1);
  private static final Map<String, FoldPlan> PLANS =
      Map.of(StudyPlan.planKey("power_plant", 1), PLAN);

  @TempDir Path root;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void result_bestTestButWorseValidation_isNotChosenButSelectionOnTestChoosesIt() {
    StudyPlan plan = plan();
    Map<String, StoredCell> stored = new LinkedHashMap<>();
    CellStore store = store(plan, List.of());
    store.readable((file, reason) -> {}).forEach(stored::put);
    Map<String, Map<String, CellSpec>> points = new LinkedHashMap<>();
    for (CellSpec cell : plan.cells(PLANS)) {
      if (cell.model().equals("mlp_actmix")) {
        points
            .computeIfAbsent(StudyReport.point(cell.point()), p -> new LinkedHashMap<>())
            .put(cell.seed() + "/" + cell.fold(), cell);
      }
    }

    StudyReport.ModelResult result =
        StudyReport.result("power_plant", "mlp_actmix", points, stored);

    assertEquals(
        List.of(
            List.of("schedule=full", "schedule=full", "schedule=full", "schedule=full"),
            "schedule=notemp"),
        List.of(result.nestedChoice(), result.testChoice()));
  }

  @Test
  void write_everyCellStored_listsNoMissingCell() throws IOException {
    StudyPlan plan = plan();
    CellStore store = store(plan, List.of());

    StudyReport.Written written = StudyReport.write("hand", plan, PLANS, store);

    assertEquals(
        List.of(false, true),
        List.of(
            written.partial(),
            Files.readString(written.markdown())
                .contains("None: every cell of the study is finished and readable.")));
  }

  @Test
  void write_someCellsMissing_reportsThePartialStudyAndListsThem() throws IOException {
    StudyPlan plan = plan();
    List<String> relu =
        plan.cells(PLANS).stream()
            .filter(c -> c.model().equals("mlp_relu"))
            .map(CellSpec::key)
            .toList();
    CellStore store = store(plan, relu.subList(0, 2));

    StudyReport.Written written = StudyReport.write("hand", plan, PLANS, store);

    assertEquals(List.of("power_plant mlp_relu: default: 2 of 4 folds missing"), written.missing());
  }

  @Test
  void write_corruptCellFile_namesItLeavesItOutAndMarksThePartialReport() throws IOException {
    StudyPlan plan = plan();
    CellStore store = store(plan, List.of());
    Path corrupt = store.cellFile(plan.cells(PLANS).get(0).key());
    Files.writeString(corrupt, "{\"key\" : \"trunc");

    StudyReport.Written written = StudyReport.write("hand", plan, PLANS, store);

    assertEquals(
        List.of(true, 1, true),
        List.of(
            written.partial(),
            written.unreadable().size(),
            written.unreadable().get(0).startsWith("`" + corrupt + "`: ")));
  }

  @Test
  void write_noFinishedCell_failsAndWritesNothing() {
    StudyPlan plan = plan();
    CellStore store = new CellStore(root, "hand");

    ActionableFailure error =
        assertThrows(ActionableFailure.class, () -> StudyReport.write("hand", plan, PLANS, store));

    assertEquals(
        List.of(true, false),
        List.of(
            error.getMessage().startsWith("study hand has no finished cell yet"),
            Files.exists(store.directory().resolve("report.md"))));
  }

  @Test
  void write_cellsOfAnotherFoldPlan_refusesNamingBothDigests() {
    StudyPlan plan = plan();
    CellStore store = store(plan, List.of());
    FoldPlan other = FoldPlan.kFold("power_plant", 40, null, FOLDS, 2);
    CellSpec stray =
        new CellSpec(
            "0123456789abcdef01234567",
            "power_plant",
            "mlp_relu",
            "networks",
            Map.of(),
            1,
            0,
            other.digest(),
            "{}");
    store.store(CellResult.of(stray, outcome(3.0, 0.5)));

    ActionableFailure error =
        assertThrows(ActionableFailure.class, () -> StudyReport.write("hand", plan, PLANS, store));

    assertTrue(
        error.getMessage().contains(PLAN.digest()) && error.getMessage().contains(other.digest()),
        error.getMessage());
  }

  @Test
  void write_html_referencesEveryImageThatExistsAndNothingElse() throws IOException {
    StudyPlan plan = plan();
    CellStore store = store(plan, List.of());
    Path stale = store.directory().resolve(ReportCharts.FOLDER).resolve("scores_magic_gamma.png");
    Files.createDirectories(stale.getParent());
    Files.write(stale, new byte[] {1}); // a picture of an earlier report that this one lacks

    StudyReport.Written written = StudyReport.write("hand", plan, PLANS, store);

    Set<String> referenced = new TreeSet<>();
    Matcher source =
        Pattern.compile("<img src=\"([^\"]+)\"").matcher(Files.readString(written.html()));
    while (source.find()) {
      referenced.add(source.group(1));
    }
    Set<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.list(store.directory().resolve(ReportCharts.FOLDER))) {
      files.map(f -> ReportCharts.FOLDER + "/" + f.getFileName()).forEach(present::add);
    }
    assertEquals(present, referenced);
  }

  @Test
  void write_everyPicture_isNonBlankAndOfItsSize() throws IOException {
    StudyPlan plan = plan();
    CellStore store = store(plan, List.of());

    StudyReport.Written written = StudyReport.write("hand", plan, PLANS, store);

    List<String> problems = new ArrayList<>();
    for (Path image : written.images()) {
      BufferedImage picture = ImageIO.read(image.toFile());
      boolean cd = image.getFileName().toString().startsWith("cd_");
      int width = cd ? ReportCharts.CD_WIDTH : ReportCharts.WIDTH;
      int height = cd ? ReportCharts.cdHeight(2) : ReportCharts.HEIGHT;
      if (picture.getWidth() != width || picture.getHeight() != height) {
        problems.add(image + ": " + picture.getWidth() + "x" + picture.getHeight());
      }
      if (colours(picture) < 3) {
        problems.add(image + ": blank");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void write_twoActMixModels_testsEachAgainstTheOthersAndPicturesTheEmbeddingsUnits()
      throws IOException {
    NetworkKind kind = new NetworkKind(List.of());
    StudyPlan plan =
        StudyPlan.of(
            FOLDS,
            List.of(
                configuration("mlp_actmix", Map.of(), kind),
                configuration("mlp_actmix_plr", Map.of(), kind),
                configuration("mlp_relu", Map.of(), kind)));
    CellStore store = new CellStore(root, "hand");
    CellOutcome.LayerSummary layer =
        new CellOutcome.LayerSummary(0, Map.of("relu", 1.0), Map.of("relu", 1.0), 0.0);
    for (CellSpec cell : plan.cells(PLANS)) {
      double rmse = 3.8 + cell.fold() / 100.0 + (cell.model().equals("mlp_relu") ? 0.1 : 0.0);
      CellOutcome plain = outcome(rmse, 0.1);
      List<CellOutcome.LayerSummary> mixing =
          cell.model().equals("mlp_relu") ? List.of() : List.of(layer, layer);
      store.store(
          CellResult.of(cell, new CellOutcome(plain.metrics(), 0.1, rmse, 10, 5, 1.0, mixing)));
    }

    StudyReport.Written written = StudyReport.write("hand", plan, PLANS, store);

    String markdown = Files.readString(written.markdown());
    assertEquals(
        List.of(true, true, true, true),
        List.of(
            markdown.contains("| mlp_actmix against |"),
            markdown.contains("| mlp_actmix_plr against |"),
            markdown.contains("corrected for all 3 pairs by Holm's method"),
            Files.exists(
                store
                    .directory()
                    .resolve(ReportCharts.FOLDER)
                    .resolve("mixing_power_plant_mlp_actmix_plr.png"))));
  }

  private static int colours(BufferedImage picture) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < picture.getHeight(); y += 3) {
      for (int x = 0; x < picture.getWidth(); x += 3) {
        colours.add(picture.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /** ActMix with schedules full (A) and notemp (B), ReLU with one configuration; 4 folds. */
  private static StudyPlan plan() {
    NetworkKind kind = new NetworkKind(List.of());
    return StudyPlan.of(
        FOLDS,
        List.of(
            configuration("mlp_actmix", Map.of("model.actmix.schedule", "full"), kind),
            configuration("mlp_actmix", Map.of("model.actmix.schedule", "notemp"), kind),
            configuration("mlp_relu", Map.of(), kind)));
  }

  /**
   * A configuration whose settings hold what the report reads: the model's activation, and an
   * embedding for a {@code _plr} model.
   */
  private static StudyPlan.Configuration configuration(
      String model, Map<String, String> point, NetworkKind kind) {
    ObjectNode settings = JsonNodeFactory.instance.objectNode();
    ObjectNode modelNode = settings.putObject("model").put("name", model);
    modelNode.put("activation", model.startsWith("mlp_actmix") ? "actmix" : "relu");
    if (model.endsWith("_plr")) {
      modelNode.putObject("embedding").put("activation", modelNode.get("activation").asText());
    }
    point.forEach(settings::put);
    return new StudyPlan.Configuration("power_plant", model, kind, point, 1, settings);
  }

  /**
   * Stores every cell of {@code plan} but {@code skipped}: ActMix full has validation loss 0.1 and
   * test RMSE 4.0 + fold/100, notemp 0.2 and 3.5 + fold/100, ReLU 0.15 and 3.8 + fold/100.
   */
  private CellStore store(StudyPlan plan, List<String> skipped) {
    CellStore store = new CellStore(root, "hand");
    for (CellSpec cell : plan.cells(PLANS)) {
      if (skipped.contains(cell.key())) {
        continue;
      }
      boolean full = "full".equals(cell.point().get("model.actmix.schedule"));
      boolean notemp = "notemp".equals(cell.point().get("model.actmix.schedule"));
      double rmse = (full ? 4.0 : notemp ? 3.5 : 3.8) + cell.fold() / 100.0;
      double loss = full ? 0.1 : notemp ? 0.2 : 0.15;
      store.store(CellResult.of(cell, outcome(rmse, loss)));
    }
    return store;
  }

  private static CellOutcome outcome(double rmse, double validationLoss) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("mse", rmse * rmse);
    metrics.put("rmse", rmse);
    metrics.put("mae", rmse * 0.8);
    metrics.put("r2", 0.9);
    metrics.put("pearson", 0.95);
    metrics.put("spearman", 0.94);
    return new CellOutcome(metrics, validationLoss, rmse, 10, 5, 1.0 + rmse, List.of());
  }
}
