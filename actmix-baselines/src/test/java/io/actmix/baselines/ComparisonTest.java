package io.actmix.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.actmix.experiments.results.CvResults;
import io.actmix.experiments.results.FoldResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison of results files. */
class ComparisonTest {

  private static CvResults results(String model, String digest, double... rmse) {
    List<FoldResult> folds = new ArrayList<>();
    for (int i = 0; i < rmse.length; i++) {
      folds.add(new FoldResult(i, Map.of("rmse", rmse[i]), 10, 5, 1.0));
    }
    return CvResults.of("power_plant", model, 1192, digest, 1, 1.0, folds);
  }

  @Test
  void of_differentFoldPlans_refusesNamingBothDigests() {
    List<CvResults> results =
        List.of(results("mlp_actmix", "aaa111", 4, 4.1), results("xgboost", "bbb222", 3, 3.2));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Comparison.of("power_plant", results));

    assertEquals(
        "compare(power_plant): fold plans differ: mlp_actmix used aaa111 but xgboost used bbb222;"
            + " rerun both with the same seed and cv_folds",
        error.getMessage());
  }

  @Test
  void of_withoutActMix_refusesNamingTheModelsFound() {
    List<CvResults> results =
        List.of(results("mlp_relu", "aaa111", 4, 4.1), results("xgboost", "aaa111", 3, 3.2));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Comparison.of("power_plant", results));

    assertEquals(
        "compare(power_plant): models = [mlp_relu, xgboost]; needs mlp_actmix and at least one"
            + " other model's cv_results.json",
        error.getMessage());
  }

  @Test
  void of_actMixAlwaysBetter_ranksItFirstWithNegativeDifference() {
    Comparison comparison =
        Comparison.of(
            "power_plant",
            List.of(results("mlp_relu", "d", 5, 6, 7), results("mlp_actmix", "d", 4, 5, 6)));

    Comparison.MetricComparison rmse = comparison.metrics().get("rmse");
    assertEquals(
        List.of(List.of("mlp_actmix", "mlp_relu"), 1.0, -1.0),
        List.of(
            comparison.models(),
            rmse.models().get("mlp_actmix").meanRank(),
            rmse.versusActMix().get("mlp_relu").meanDifference()));
  }
}
