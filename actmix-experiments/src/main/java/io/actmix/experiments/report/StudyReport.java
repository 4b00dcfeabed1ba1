package io.actmix.experiments.report;

import io.actmix.experiments.ActionableFailure;
import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.data.Task;
import io.actmix.experiments.data.UciDataset;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.metrics.Summary;
import io.actmix.experiments.stats.PairedStatistics;
import io.actmix.experiments.study.CellSpec;
import io.actmix.experiments.study.CellStore;
import io.actmix.experiments.study.StoredCell;
import io.actmix.experiments.study.StudyPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report of a study, {@code report.md} and {@code report.html} with their pictures, in the
 * study's folder. Only complete (dataset, model) groups — every grid point, seed and fold stored —
 * are reported; the cells still missing are listed.
 *
 * <p><b>Selection without the test fold.</b> For each dataset, model, seed and outer fold, the grid
 * point with the lowest inner-validation loss (the best epoch's, on the validation split inside the
 * fold's training rows) is chosen, and that cell's test metrics are the model's result for the
 * fold: nested cross-validation, no test metric read. Beside it, the reference study's way: one
 * grid point per model, the one with the best mean test score over the folds, labelled as selected
 * on test, with how much better it looks than the honest choice.
 */
public final class StudyReport {

  /**
   * What {@link #write} wrote.
   *
   * @param markdown {@code report.md}
   * @param html {@code report.html}
   * @param images the PNG files the report shows
   * @param missing the cells still missing, one line per group
   * @param unreadable the cell files that could not be read, with the reason
   */
  public record Written(
      Path markdown, Path html, List<Path> images, List<String> missing, List<String> unreadable) {

    /** Whether cells are missing or unreadable. */
    public boolean partial() {
      return !missing.isEmpty() || !unreadable.isEmpty();
    }
  }

  /** A model's result on one dataset: its per-block test metrics under each selection. */
  record ModelResult(
      String model,
      List<String> points,
      List<Map<String, Double>> nested,
      List<String> nestedChoice,
      String testChoice,
      List<Map<String, Double>> onTest,
      Map<String, List<Double>> primaryByPoint,
      List<StoredCell> chosenCells,
      List<Double> seconds) {}

  private StudyReport() {}

  /**
   * Writes the report of {@code plan}'s cells in {@code store} into the store's folder. Images are
   * written first and the two report files last, each atomically, so an earlier report is replaced
   * whole or not at all.
   *
   * @throws ActionableFailure when no cell is finished, or cells of one dataset and seed were
   *     computed on different fold plans
   */
  public static Written write(
      String name, StudyPlan plan, Map<String, FoldPlan> foldPlans, CellStore store) {
    System.setProperty("java.awt.headless", "true"); // pictures drawn without a display
    List<String> unreadable = new ArrayList<>();
    Map<String, StoredCell> stored =
        store.readable((file, reason) -> unreadable.add("`" + file + "`: " + reason));
    if (stored.isEmpty()) {
      throw new ActionableFailure(
          "study "
              + name
              + " has no finished cell yet in "
              + store.directory()
              + "; run study name="
              + name
              + " first; nothing was written");
    }
    checkFoldPlans(name, stored.values(), foldPlans);
    List<CellSpec> cells = plan.cells(foldPlans);
    // dataset -> model -> point -> (seed, fold) -> cell
    Map<String, Map<String, Map<String, Map<String, CellSpec>>>> expected = new LinkedHashMap<>();
    for (CellSpec cell : cells) {
      expected
          .computeIfAbsent(cell.dataset(), d -> new LinkedHashMap<>())
          .computeIfAbsent(cell.model(), m -> new LinkedHashMap<>())
          .computeIfAbsent(point(cell.point()), p -> new LinkedHashMap<>())
          .put(block(cell), cell);
    }
    List<String> missing = new ArrayList<>();
    ReportDocument document = new ReportDocument();
    ReportCharts charts = new ReportCharts(store.directory());
    document.heading(1, "Study " + name);
    long done = cells.stream().filter(c -> stored.containsKey(c.key())).count();
    document.paragraph(
        String.format(
            Locale.ROOT,
            "%d of %d cells finished. Each model's result is chosen without the test folds: in"
                + " every outer fold, the configuration with the lowest inner-validation loss"
                + " (nested cross-validation). Only complete (dataset, model) groups are"
                + " reported.",
            done,
            cells.size()));
    List<String> sections = new ArrayList<>();
    for (var dataset : expected.entrySet()) {
      List<ModelResult> results = new ArrayList<>();
      for (var model : dataset.getValue().entrySet()) {
        List<String> gaps = gaps(model.getValue(), stored);
        if (!gaps.isEmpty()) {
          missing.add(dataset.getKey() + " " + model.getKey() + ": " + String.join("; ", gaps));
          continue;
        }
        results.add(result(dataset.getKey(), model.getKey(), model.getValue(), stored));
      }
      if (!results.isEmpty()) {
        sections.add(dataset.getKey());
        DatasetSection.write(document, charts, UciDataset.of(dataset.getKey()), results, foldPlans);
      }
    }
    document.heading(2, "Cells missing");
    if (missing.isEmpty() && unreadable.isEmpty()) {
      document.paragraph("None: every cell of the study is finished and readable.");
    } else {
      document.paragraph(
          "These groups are left out of the tables above until their cells are done"
              + " (run the study again to go on):");
      document.bullets(missing);
      if (!unreadable.isEmpty()) {
        document.paragraph(
            "Cell files that could not be read, left out (delete them and run the"
                + " study again to retrain those cells):");
        document.bullets(unreadable);
      }
    }
    Assumptions.write(document);
    Path markdown = store.directory().resolve("report.md");
    Path html = store.directory().resolve("report.html");
    AtomicFiles.writeString(markdown, document.toMarkdown());
    AtomicFiles.writeString(html, document.toHtml("Study " + name));
    charts.deleteAllBut(document.images());
    List<Path> images =
        document.images().stream().map(file -> store.directory().resolve(file)).toList();
    return new Written(markdown, html, images, missing, unreadable);
  }

  /** Refuses stored cells of one dataset and seed computed on different fold plans. */
  private static void checkFoldPlans(
      String name, Iterable<StoredCell> stored, Map<String, FoldPlan> foldPlans) {
    Map<String, Set<String>> digests = new LinkedHashMap<>();
    foldPlans.forEach(
        (key, plan) -> digests.computeIfAbsent(key, k -> new TreeSet<>()).add(plan.digest()));
    for (StoredCell cell : stored) {
      String key = StudyPlan.planKey(cell.dataset(), cell.seed());
      digests.computeIfAbsent(key, k -> new TreeSet<>()).add(cell.foldPlanDigest());
    }
    for (var entry : digests.entrySet()) {
      if (entry.getValue().size() > 1) {
        List<String> both = new ArrayList<>(entry.getValue());
        throw new ActionableFailure(
            "study "
                + name
                + ": cells of "
                + entry.getKey().replace("/", " (seed ")
                + ") were computed on different fold plans, "
                + both.get(0)
                + " and "
                + both.get(1)
                + "; a report compares models on one plan; move the other cells away");
      }
    }
  }

  /** The missing blocks of a model's points, one entry per point with gaps. */
  private static List<String> gaps(
      Map<String, Map<String, CellSpec>> points, Map<String, StoredCell> stored) {
    List<String> gaps = new ArrayList<>();
    for (var point : points.entrySet()) {
      long absent =
          point.getValue().values().stream().filter(c -> !stored.containsKey(c.key())).count();
      if (absent > 0) {
        gaps.add(
            point.getKey() + ": " + absent + " of " + point.getValue().size() + " folds missing");
      }
    }
    return gaps;
  }

  /** Both selections of one complete model. */
  static ModelResult result(
      String dataset,
      String model,
      Map<String, Map<String, CellSpec>> points,
      Map<String, StoredCell> stored) {
    Task task = UciDataset.of(dataset).task();
    String primary = primaryMetric(task);
    List<String> pointNames = new ArrayList<>(points.keySet());
    List<String> blocks = new ArrayList<>(points.values().iterator().next().keySet());
    Map<String, List<Double>> primaryByPoint = new LinkedHashMap<>();
    for (String point : pointNames) {
      List<Double> values = new ArrayList<>();
      for (String block : blocks) {
        values.add(stored.get(points.get(point).get(block).key()).outcome().metrics().get(primary));
      }
      primaryByPoint.put(point, values);
    }
    List<Map<String, Double>> nested = new ArrayList<>();
    List<String> nestedChoice = new ArrayList<>();
    List<StoredCell> chosenCells = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (String block : blocks) {
      String best = null;
      double bestLoss = Double.POSITIVE_INFINITY;
      for (String point : pointNames) {
        StoredCell cell = stored.get(points.get(point).get(block).key());
        seconds.add(cell.outcome().seconds());
        double loss = cell.outcome().bestValidationLoss();
        if (best == null || loss < bestLoss) {
          best = point;
          bestLoss = loss;
        }
      }
      StoredCell chosen = stored.get(points.get(best).get(block).key());
      nested.add(chosen.outcome().metrics());
      nestedChoice.add(best);
      chosenCells.add(chosen);
    }
    String testChoice = null;
    double bestMean = Double.NaN;
    for (String point : pointNames) {
      double mean = primaryByPoint.get(point).stream().mapToDouble(v -> v).average().orElseThrow();
      if (testChoice == null || better(task, mean, bestMean)) {
        testChoice = point;
        bestMean = mean;
      }
    }
    List<Map<String, Double>> onTest = new ArrayList<>();
    for (String block : blocks) {
      onTest.add(stored.get(points.get(testChoice).get(block).key()).outcome().metrics());
    }
    return new ModelResult(
        model,
        pointNames,
        nested,
        nestedChoice,
        testChoice,
        onTest,
        primaryByPoint,
        chosenCells,
        seconds);
  }

  /** RMSE for regression, accuracy for classification. */
  static String primaryMetric(Task task) {
    return task == Task.REGRESSION ? "rmse" : "accuracy";
  }

  private static boolean better(Task task, double candidate, double incumbent) {
    return PairedStatistics.lowerIsBetter(primaryMetric(task))
        ? candidate < incumbent
        : candidate > incumbent;
  }

  /** A grid point as text: {@code hidden_sizes=[64,64], schedule=full}; {@code default}. */
  static String point(Map<String, String> point) {
    if (point.isEmpty()) {
      return "default";
    }
    List<String> parts = new ArrayList<>();
    point.forEach(
        (axis, value) -> parts.add(axis.substring(axis.lastIndexOf('.') + 1) + "=" + value));
    return String.join(", ", parts);
  }

  private static String block(CellSpec cell) {
    return cell.seed() + "/" + cell.fold();
  }

  /** {@code mean ± std} of values. */
  static String meanStd(List<Double> values) {
    Summary summary = Summary.of(values);
    return String.format(Locale.ROOT, "%.4f ± %.4f", summary.mean(), summary.std());
  }

  /**
   * A p-value: four significant digits, or {@code < 1e-10} below what the distributions resolve.
   */
  static String pValue(double p) {
    return p < 1e-10 ? "< 1e-10" : String.format(Locale.ROOT, "%.4g", p);
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** The values of {@code metric} in each block. */
  static List<Double> values(List<Map<String, Double>> blocks, String metric) {
    return blocks.stream().map(m -> m.get(metric)).toList();
  }

  /** The statistics helpers the sections share. */
  static double[] array(List<Double> values) {
    return values.stream().mapToDouble(v -> v).toArray();
  }

  static PairedStatistics.Test friedman(List<ModelResult> results, String metric) {
    return PairedStatistics.friedman(
        matrix(results, metric), PairedStatistics.lowerIsBetter(metric));
  }

  /** [blocks][models] of {@code metric} under the nested selection. */
  static double[][] matrix(List<ModelResult> results, String metric) {
    int blocks = results.get(0).nested().size();
    double[][] matrix = new double[blocks][results.size()];
    for (int m = 0; m < results.size(); m++) {
      List<Double> values = values(results.get(m).nested(), metric);
      for (int b = 0; b < blocks; b++) {
        matrix[b][m] = values.get(b);
      }
    }
    return matrix;
  }
}
