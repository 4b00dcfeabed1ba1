package io.actmix.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.actmix.experiments.data.UciDataset;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.metrics.Summary;
import io.actmix.experiments.stats.PairedStatistics;
import io.actmix.experiments.study.CellOutcome;
import io.actmix.experiments.study.StoredCell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The section of one dataset: tables, statistics and pictures of its complete models. */
final class DatasetSection {

  private DatasetSection() {}

  static void write(
      ReportDocument document,
      ReportCharts charts,
      UciDataset dataset,
      List<StudyReport.ModelResult> results,
      Map<String, FoldPlan> foldPlans) {
    String name = dataset.label();
    String primary = StudyReport.primaryMetric(dataset.task());
    boolean lower = PairedStatistics.lowerIsBetter(primary);
    String unit = dataset.task() == io.actmix.experiments.data.Task.REGRESSION ? " (MW)" : "";
    document.heading(2, name);
    double[] meanRanks =
        results.size() > 1
            ? PairedStatistics.meanRanks(StudyReport.matrix(results, primary), lower)
            : new double[] {1};
    int blocks = results.get(0).nested().size();

    List<List<String>> rows = new ArrayList<>();
    for (int m = 0; m < results.size(); m++) {
      StudyReport.ModelResult result = results.get(m);
      Summary summary = Summary.of(StudyReport.values(result.nested(), primary));
      rows.add(
          List.of(
              result.model(),
              StudyReport.meanStd(StudyReport.values(result.nested(), primary)),
              StudyReport.number(summary.min()),
              StudyReport.number(summary.max()),
              String.format(Locale.ROOT, "%.2f", meanRanks[m]),
              choices(result.nestedChoice())));
    }
    document.paragraph(
        String.format(
            Locale.ROOT,
            "Test %s%s of each model over %d folds (%s), the configuration chosen in each fold by"
                + " its inner-validation loss; rank 1 is the best of a fold.",
            primary,
            unit,
            blocks,
            lower ? "lower is better" : "higher is better"));
    document.table(
        List.of(
            "model", primary + " mean ± std", "min", "max", "mean rank", "configurations chosen"),
        rows);

    List<String> metrics = new ArrayList<>(results.get(0).nested().get(0).keySet());
    List<List<String>> all = new ArrayList<>();
    for (StudyReport.ModelResult result : results) {
      List<String> row = new ArrayList<>();
      row.add(result.model());
      for (String metric : metrics) {
        List<Double> values = StudyReport.values(result.nested(), metric);
        Summary summary = Summary.of(values);
        row.add(
            StudyReport.meanStd(values)
                + String.format(Locale.ROOT, " [%.4f, %.4f]", summary.min(), summary.max()));
      }
      all.add(row);
    }
    List<String> header = new ArrayList<>();
    header.add("model");
    header.addAll(metrics);
    document.paragraph(
        "Every test metric (SPEC §5) under the same selection: mean ± std over folds [min, max].");
    document.table(header, all);

    List<List<String>> flattery = new ArrayList<>();
    for (StudyReport.ModelResult result : results) {
      if (result.points().size() < 2) {
        continue;
      }
      double honest = mean(StudyReport.values(result.nested(), primary));
      double optimistic = mean(StudyReport.values(result.onTest(), primary));
      double gain = lower ? honest - optimistic : optimistic - honest;
      flattery.add(
          List.of(
              result.model(),
              "`" + result.testChoice() + "`",
              StudyReport.number(optimistic),
              StudyReport.number(honest),
              String.format(Locale.ROOT, "%+.4f", gain)));
    }
    if (!flattery.isEmpty()) {
      document.paragraph(
          "**Selected on test**, the reference study's way: one configuration per model, the one"
              + " with the best mean test "
              + primary
              + " over the folds. It reads the test folds to choose, so it flatters: the last"
              + " column is how much better it looks than the choice made without them.");
      document.table(
          List.of(
              "model", "configuration (selected on test)", "its mean", "nested mean", "flattery"),
          flattery);
    }

    statistics(document, dataset, results, primary, meanRanks, foldPlans, charts);
    grids(document, charts, name, results, primary);
    pictures(document, charts, name, results, primary, unit);
  }

  private static void statistics(
      ReportDocument document,
      UciDataset dataset,
      List<StudyReport.ModelResult> results,
      String primary,
      double[] meanRanks,
      Map<String, FoldPlan> foldPlans,
      ReportCharts charts) {
    int blocks = results.get(0).nested().size();
    if (results.size() < 2 || blocks < 2) {
      return;
    }
    boolean lower = PairedStatistics.lowerIsBetter(primary);
    int k = results.size();
    PairedStatistics.Test friedman = StudyReport.friedman(results, primary);
    PairedStatistics.Test f = PairedStatistics.imanDavenport(friedman.statistic(), blocks, k);
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "Friedman over %d models and %d folds: χ² = %.3f, p %s; %s.",
            k,
            blocks,
            friedman.statistic(),
            pText(friedman.pValue()),
            Double.isFinite(f.statistic())
                ? String.format(
                    Locale.ROOT, "Iman–Davenport F = %.3f, p %s", f.statistic(), pText(f.pValue()))
                : "Iman–Davenport F undefined (every fold ranks the models alike)"));
    if (k <= 10) {
      double cd = PairedStatistics.nemenyiCriticalDifference(k, blocks, 0.05);
      List<String> apart = new ArrayList<>();
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; b < k; b++) {
          if (Math.abs(meanRanks[a] - meanRanks[b]) > cd) {
            apart.add(results.get(a).model() + " / " + results.get(b).model());
          }
        }
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "Nemenyi critical difference at α = 0.05: %.3f mean ranks; pairs further apart: %s.",
              cd,
              apart.isEmpty() ? "none" : String.join(", ", apart)));
      String file = charts.criticalDifference(dataset.label(), results, meanRanks, cd);
      document.paragraph(String.join(" ", lines));
      document.image(
          file,
          "Critical-difference diagram, "
              + dataset.label()
              + ": mean ranks of "
              + primary
              + " (1 = best); models joined by a bar are within the Nemenyi CD of each other.");
    } else {
      document.paragraph(String.join(" ", lines));
    }
    for (StudyReport.ModelResult actMix : actMixModels(results)) {
      pairedTests(document, dataset, results, primary, foldPlans, actMix);
    }
    everyPair(document, results, primary);
  }

  /**
   * Every pair of models, paired by fold: Wilcoxon's signed-rank test, Holm's correction over all
   * {@code k(k−1)/2} pairs (a larger family than each ActMix model's own table, so its Holm
   * p-values are larger).
   */
  private static void everyPair(
      ReportDocument document, List<StudyReport.ModelResult> results, String primary) {
    List<String[]> pairs = new ArrayList<>();
    List<Double> differences = new ArrayList<>();
    List<Double> statistics = new ArrayList<>();
    List<Double> pValues = new ArrayList<>();
    for (int a = 0; a < results.size(); a++) {
      double[] first = StudyReport.array(StudyReport.values(results.get(a).nested(), primary));
      for (int b = a + 1; b < results.size(); b++) {
        double[] second = StudyReport.array(StudyReport.values(results.get(b).nested(), primary));
        double[] difference = new double[first.length];
        for (int j = 0; j < first.length; j++) {
          difference[j] = first[j] - second[j];
        }
        PairedStatistics.Test test = PairedStatistics.wilcoxon(first, second);
        pairs.add(new String[] {results.get(a).model(), results.get(b).model()});
        differences.add(mean(difference));
        statistics.add(test.statistic());
        pValues.add(test.pValue());
      }
    }
    double[] holm = PairedStatistics.holm(pValues.stream().mapToDouble(v -> v).toArray());
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      rows.add(
          List.of(
              pairs.get(i)[0],
              pairs.get(i)[1],
              String.format(Locale.ROOT, "%+.4f", differences.get(i)),
              String.format(Locale.ROOT, "%.1f", statistics.get(i)),
              StudyReport.pValue(pValues.get(i)),
              StudyReport.pValue(holm[i])));
    }
    document.paragraph(
        "Every pair of models, paired by fold: Wilcoxon's signed-rank test, its p-values corrected"
            + " for all "
            + pairs.size()
            + " pairs by Holm's method.");
    document.table(
        List.of("model A", "model B", "Δ " + primary + " (A − B)", "Wilcoxon W", "p", "Holm p"),
        rows);
  }

  /**
   * The models whose networks mix basis functions, in the order of {@code results}: those whose
   * cells' settings have {@code model.activation: actmix} or an embedding with an ActMix activation
   * ({@code mlp_actmix}, {@code mlp_actmix_plr}).
   */
  static List<StudyReport.ModelResult> actMixModels(List<StudyReport.ModelResult> results) {
    return results.stream()
        .filter(
            r -> {
              JsonNode model = r.chosenCells().get(0).configuration().path("model");
              return model.path("activation").asText().equals("actmix")
                  || model.path("embedding").path("activation").asText().equals("actmix");
            })
        .toList();
  }

  /** One ActMix model against every other model, paired by fold, with Holm's correction. */
  private static void pairedTests(
      ReportDocument document,
      UciDataset dataset,
      List<StudyReport.ModelResult> results,
      String primary,
      Map<String, FoldPlan> foldPlans,
      StudyReport.ModelResult actMix) {
    List<StudyReport.ModelResult> others = results.stream().filter(r -> r != actMix).toList();
    double[] reference = StudyReport.array(StudyReport.values(actMix.nested(), primary));
    double[] p = new double[others.size()];
    double[] w = new double[others.size()];
    for (int i = 0; i < others.size(); i++) {
      double[] other = StudyReport.array(StudyReport.values(others.get(i).nested(), primary));
      PairedStatistics.Test test = PairedStatistics.wilcoxon(reference, other);
      p[i] = test.pValue();
      w[i] = test.statistic();
    }
    double[] holm = PairedStatistics.holm(p);
    FoldPlan plan =
        foldPlans.values().stream()
            .filter(fp -> fp.dataset().equals(dataset.label()))
            .findFirst()
            .orElseThrow();
    int testRows = plan.rows() / plan.k();
    long seeds = actMix.chosenCells().stream().map(StoredCell::seed).distinct().count();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < others.size(); i++) {
      double[] other = StudyReport.array(StudyReport.values(others.get(i).nested(), primary));
      double[] difference = new double[reference.length];
      for (int j = 0; j < reference.length; j++) {
        difference[j] = reference[j] - other[j];
      }
      List<String> row = new ArrayList<>();
      row.add(others.get(i).model());
      row.add(String.format(Locale.ROOT, "%+.4f", mean(difference)));
      row.add(String.format(Locale.ROOT, "%.1f", w[i]));
      row.add(StudyReport.pValue(p[i]));
      row.add(StudyReport.pValue(holm[i]));
      if (seeds > 1) {
        PairedStatistics.Test nb =
            PairedStatistics.nadeauBengio(difference, testRows, plan.rows() - testRows);
        row.add(String.format(Locale.ROOT, "t = %.3f, p %s", nb.statistic(), pText(nb.pValue())));
      }
      rows.add(row);
    }
    List<String> header =
        new ArrayList<>(
            List.of(
                actMix.model() + " against",
                "Δ " + primary + " (" + actMix.model() + " − model)",
                "Wilcoxon W",
                "p",
                "Holm p"));
    if (seeds > 1) {
      header.add("Nadeau–Bengio corrected t");
    }
    document.paragraph(
        actMix.model()
            + " against each model, paired by fold: Wilcoxon's signed-rank test, its p-values"
            + " corrected for "
            + others.size()
            + " comparisons by Holm's method"
            + (seeds > 1
                ? "; with repeated cross-validation (several seeds), Nadeau and Bengio's corrected"
                    + " resampled t-test too."
                : "."));
    document.table(header, rows);
  }

  /** The grid of each model with more than one configuration, mean ± std of the primary metric. */
  private static void grids(
      ReportDocument document,
      ReportCharts charts,
      String dataset,
      List<StudyReport.ModelResult> results,
      String primary) {
    for (StudyReport.ModelResult result : results) {
      if (result.points().size() < 2) {
        continue;
      }
      document.heading(3, dataset + ": the grid of " + result.model());
      boolean architectures = true;
      boolean schedules = false;
      for (String point : result.points()) {
        Map<String, String> axes = axes(point);
        architectures &= axes.containsKey("hidden_sizes");
        schedules |= axes.containsKey("schedule");
      }
      if (architectures) {
        // depth x width: L = number of hidden blocks, H = their width (all blocks alike)
        Map<Integer, Map<Integer, List<String>>> byDepth = new TreeMap<>();
        for (String point : result.points()) {
          Map<String, String> axes = axes(point);
          String sizes = axes.get("hidden_sizes").replaceAll("[\\[\\] ]", "");
          String[] widths = sizes.split(",");
          int depth = widths.length;
          int width = Integer.parseInt(widths[0]);
          String label = schedules ? axes.getOrDefault("schedule", "") + " " : "";
          byDepth
              .computeIfAbsent(depth, d -> new TreeMap<>())
              .computeIfAbsent(width, w -> new ArrayList<>())
              .add(label + StudyReport.meanStd(result.primaryByPoint().get(point)));
        }
        List<Integer> widths =
            byDepth.values().stream()
                .flatMap(m -> m.keySet().stream())
                .distinct()
                .sorted()
                .toList();
        List<String> header = new ArrayList<>();
        header.add("depth L \\ width H");
        widths.forEach(w -> header.add("H = " + w));
        List<List<String>> rows = new ArrayList<>();
        byDepth.forEach(
            (depth, cells) -> {
              List<String> row = new ArrayList<>();
              row.add("L = " + depth);
              widths.forEach(w -> row.add(String.join(" / ", cells.getOrDefault(w, List.of("")))));
              rows.add(row);
            });
        document.paragraph(
            "Test "
                + primary
                + ", mean ± std over folds, per architecture"
                + (schedules ? " and schedule:" : ":"));
        document.table(header, rows);
      } else {
        List<List<String>> rows = new ArrayList<>();
        for (String point : result.points()) {
          rows.add(
              List.of("`" + point + "`", StudyReport.meanStd(result.primaryByPoint().get(point))));
        }
        document.table(List.of("configuration", primary + " mean ± std"), rows);
      }
      if (schedules) {
        Map<String, Map<String, Double>> bySchedule = new LinkedHashMap<>();
        for (String point : result.points()) {
          Map<String, String> axes = axes(point);
          String architecture =
              axes.entrySet().stream()
                  .filter(e -> !e.getKey().equals("schedule"))
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(", "));
          bySchedule
              .computeIfAbsent(
                  architecture.isEmpty() ? "default" : architecture, a -> new LinkedHashMap<>())
              .put(axes.get("schedule"), mean(result.primaryByPoint().get(point)));
        }
        String file = charts.schedules(dataset, bySchedule, primary);
        document.image(
            file,
            dataset
                + ": ActMix with annealing and entropy (full) against without (notemp), mean test "
                + primary
                + " per architecture.");
      }
    }
  }

  private static void pictures(
      ReportDocument document,
      ReportCharts charts,
      String dataset,
      List<StudyReport.ModelResult> results,
      String primary,
      String unit) {
    Map<String, List<Double>> scores = new LinkedHashMap<>();
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    for (StudyReport.ModelResult result : results) {
      scores.put(result.model(), StudyReport.values(result.nested(), primary));
      seconds.put(result.model(), result.seconds());
    }
    document.image(
        charts.boxPlot(
            "scores_" + dataset,
            dataset + ": test " + primary + unit + " per fold",
            primary + unit,
            scores),
        dataset + ": test " + primary + " of each fold, per model (nested selection).");
    for (StudyReport.ModelResult actMix : actMixModels(results)) {
      if (actMix.chosenCells().get(0).outcome().mixing().isEmpty()) {
        continue;
      }
      // Per ActMix layer, the mean over the folds whose chosen network has that layer.
      Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
      Map<String, Integer> networks = new LinkedHashMap<>();
      for (StoredCell cell : actMix.chosenCells()) {
        List<CellOutcome.LayerSummary> layers = cell.outcome().mixing();
        boolean embedded = cell.configuration().path("model").has("embedding");
        for (int i = 0; i < layers.size(); i++) {
          String label = embedded && i == 0 ? "embedding" : "hidden " + (embedded ? i : i + 1);
          networks.merge(label, 1, Integer::sum);
          Map<String, Double> layerShares =
              shares.computeIfAbsent(label, l -> new LinkedHashMap<>());
          layers
              .get(i)
              .dominantShare()
              .forEach((basis, share) -> layerShares.merge(basis, share, Double::sum));
        }
      }
      shares.forEach((label, sums) -> sums.replaceAll((basis, sum) -> sum / networks.get(label)));
      document.image(
          charts.mixing(dataset, actMix.model(), shares),
          dataset
              + ": what "
              + actMix.model()
              + "'s units chose — the share of units each basis dominates, per ActMix layer"
              + " (the embedding's units, then each hidden layer's neurons), averaged over the"
              + " folds' chosen networks.");
    }
    document.image(
        charts.boxPlot("seconds_" + dataset, dataset + ": seconds per cell", "seconds", seconds),
        dataset + ": training seconds of every cell, per model (all configurations).");
  }

  /** {@code = 0.0123} or {@code < 1e-10}. */
  private static String pText(double p) {
    String value = StudyReport.pValue(p);
    return value.startsWith("<") ? value : "= " + value;
  }

  /** {@code hidden_sizes=[64,64], schedule=full} as a map. */
  private static Map<String, String> axes(String point) {
    Map<String, String> axes = new LinkedHashMap<>();
    if (point.equals("default")) {
      return axes;
    }
    for (String part : point.split(", (?=[a-z_0-9]+=)")) {
      int equals = part.indexOf('=');
      axes.put(part.substring(0, equals), part.substring(equals + 1));
    }
    return axes;
  }

  /** {@code `a` ×7, `b` ×3}. */
  private static String choices(List<String> chosen) {
    Map<String, Long> counts = new LinkedHashMap<>();
    chosen.forEach(c -> counts.merge(c, 1L, Long::sum));
    return counts.entrySet().stream()
        .map(e -> "`" + e.getKey() + "` ×" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(v -> v).average().orElse(Double.NaN);
  }

  private static double mean(double[] values) {
    return java.util.Arrays.stream(values).average().orElse(Double.NaN);
  }
}
