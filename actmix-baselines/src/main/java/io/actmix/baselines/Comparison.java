package io.actmix.baselines;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.actmix.experiments.cli.Tables;
import io.actmix.experiments.metrics.Summary;
import io.actmix.experiments.results.CvResults;
import io.actmix.experiments.stats.PairedStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every model's cross-validation on one dataset side by side: per metric, mean ± std and the
 * models' mean rank over folds; ActMix against every other model by the paired per-fold difference
 * with Wilcoxon's test, Holm-corrected across those comparisons; Friedman's test across all models.
 *
 * @param dataset the dataset
 * @param foldPlanDigest the digest of the fold plan every model used
 * @param folds the number of folds
 * @param models the models, ActMix first
 * @param metrics the comparison of each metric, in metric order
 */
public record Comparison(
    @JsonProperty("dataset") String dataset,
    @JsonProperty("fold_plan_digest") String foldPlanDigest,
    @JsonProperty("folds") int folds,
    @JsonProperty("models") List<String> models,
    @JsonProperty("metrics") Map<String, MetricComparison> metrics) {

  /** The reference model of the pairwise tests. */
  public static final String ACTMIX = "mlp_actmix";

  /**
   * One metric across models.
   *
   * @param lowerIsBetter whether a smaller value is better
   * @param models per model: mean, std, mean rank over folds
   * @param versusActMix per other model: ActMix's paired difference and its tests
   * @param friedman Friedman's test across all models
   */
  public record MetricComparison(
      @JsonProperty("lower_is_better") boolean lowerIsBetter,
      @JsonProperty("models") Map<String, ModelRow> models,
      @JsonProperty("versus_actmix") Map<String, PairedRow> versusActMix,
      @JsonProperty("friedman") PairedStatistics.Test friedman) {}

  /** A model's row. */
  public record ModelRow(
      @JsonProperty("mean") double mean,
      @JsonProperty("std") double std,
      @JsonProperty("mean_rank") double meanRank) {}

  /**
   * ActMix against one model.
   *
   * @param meanDifference mean over folds of ActMix's value minus the model's
   * @param wilcoxonStatistic {@code max(W+, W−)}
   * @param pValue Wilcoxon's two-sided p-value
   * @param holmPValue the p-value after Holm's correction over the models compared with ActMix
   */
  public record PairedRow(
      @JsonProperty("mean_difference") double meanDifference,
      @JsonProperty("wilcoxon_statistic") double wilcoxonStatistic,
      @JsonProperty("p_value") double pValue,
      @JsonProperty("holm_p_value") double holmPValue) {}

  /**
   * Compares {@code results}, which must hold ActMix and share one fold plan.
   *
   * @throws IllegalArgumentException naming both digests when two results used different folds, or
   *     when ActMix or a second model is missing
   */
  public static Comparison of(String dataset, List<CvResults> results) {
    List<CvResults> ordered = new ArrayList<>();
    results.stream().filter(r -> r.model().equals(ACTMIX)).forEach(ordered::add);
    results.stream().filter(r -> !r.model().equals(ACTMIX)).forEach(ordered::add);
    if (ordered.isEmpty() || !ordered.get(0).model().equals(ACTMIX) || ordered.size() < 2) {
      throw new IllegalArgumentException(
          "compare("
              + dataset
              + "): models = "
              + results.stream().map(CvResults::model).toList()
              + "; needs mlp_actmix and at least one other model's cv_results.json");
    }
    CvResults reference = ordered.get(0);
    for (CvResults other : ordered) {
      if (!other.foldPlanDigest().equals(reference.foldPlanDigest())) {
        throw new IllegalArgumentException(
            "compare("
                + dataset
                + "): fold plans differ: "
                + reference.model()
                + " used "
                + reference.foldPlanDigest()
                + " but "
                + other.model()
                + " used "
                + other.foldPlanDigest()
                + "; rerun both with the same seed and cv_folds");
      }
    }
    Map<String, MetricComparison> metrics = new LinkedHashMap<>();
    for (String metric : reference.aggregates().keySet()) {
      metrics.put(metric, compare(metric, ordered));
    }
    return new Comparison(
        dataset,
        reference.foldPlanDigest(),
        reference.cvFolds(),
        ordered.stream().map(CvResults::model).toList(),
        metrics);
  }

  private static MetricComparison compare(String metric, List<CvResults> ordered) {
    boolean lower = PairedStatistics.lowerIsBetter(metric);
    int k = ordered.size();
    int n = ordered.get(0).folds().size();
    double[][] scores = new double[n][k];
    for (int j = 0; j < k; j++) {
      List<Double> values = ordered.get(j).aggregates().get(metric).values();
      for (int i = 0; i < n; i++) {
        scores[i][j] = values.get(i);
      }
    }
    double[] ranks = PairedStatistics.meanRanks(scores, lower);
    Map<String, ModelRow> rows = new LinkedHashMap<>();
    for (int j = 0; j < k; j++) {
      Summary summary = ordered.get(j).aggregates().get(metric);
      rows.put(ordered.get(j).model(), new ModelRow(summary.mean(), summary.std(), ranks[j]));
    }
    double[] actMix = column(scores, 0);
    double[] pValues = new double[k - 1];
    double[] statistics = new double[k - 1];
    double[] differences = new double[k - 1];
    for (int j = 1; j < k; j++) {
      double[] other = column(scores, j);
      PairedStatistics.Test test = PairedStatistics.wilcoxon(actMix, other);
      pValues[j - 1] = test.pValue();
      statistics[j - 1] = test.statistic();
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += actMix[i] - other[i];
      }
      differences[j - 1] = sum / n;
    }
    double[] holm = PairedStatistics.holm(pValues);
    Map<String, PairedRow> paired = new LinkedHashMap<>();
    for (int j = 1; j < k; j++) {
      paired.put(
          ordered.get(j).model(),
          new PairedRow(differences[j - 1], statistics[j - 1], pValues[j - 1], holm[j - 1]));
    }
    return new MetricComparison(lower, rows, paired, PairedStatistics.friedman(scores, lower));
  }

  private static double[] column(double[][] scores, int j) {
    double[] column = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      column[i] = scores[i][j];
    }
    return column;
  }

  /** The comparison as Markdown: one table per metric. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "# Comparison on %s%n%n%d folds, fold plan `%s`. Rank: mean rank over folds (1 ="
                + " best). Δ: ActMix minus the model, mean over folds; p: Wilcoxon signed-rank,"
                + " two-sided; Holm: corrected over the %d comparisons with ActMix.%n",
            dataset,
            folds,
            foldPlanDigest,
            models.size() - 1));
    for (Map.Entry<String, MetricComparison> entry : metrics.entrySet()) {
      MetricComparison metric = entry.getValue();
      out.append(
          String.format(
              Locale.ROOT,
              "%n## %s (%s is better)%n%n| model | mean ± std | rank | Δ vs ActMix | p | Holm p |%n"
                  + "| --- | --- | ---: | ---: | ---: | ---: |%n",
              entry.getKey(),
              metric.lowerIsBetter() ? "lower" : "higher"));
      for (Map.Entry<String, ModelRow> row : metric.models().entrySet()) {
        PairedRow paired = metric.versusActMix().get(row.getKey());
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s ± %s | %.2f | %s | %s | %s |%n",
                row.getKey(),
                Tables.format(row.getValue().mean()),
                Tables.format(row.getValue().std()),
                row.getValue().meanRank(),
                paired == null ? "" : Tables.format(paired.meanDifference()),
                paired == null ? "" : String.format(Locale.ROOT, "%.4f", paired.pValue()),
                paired == null ? "" : String.format(Locale.ROOT, "%.4f", paired.holmPValue())));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%nFriedman χ² = %.3f, p = %.4g%n",
              metric.friedman().statistic(),
              metric.friedman().pValue()));
    }
    return out.toString();
  }
}
