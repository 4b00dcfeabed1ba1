package io.actmix.experiments.folds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actmix.experiments.SharedData;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.UciDataset;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Fold plans of the real datasets, with the power_plant plan's digest pinned. */
@Tag("integration")
class SharedFoldPlanTest {

  /**
   * The digest of the power_plant 10-fold plan for seed 1192. If it changes, every published fold
   * plan changes with it: results computed before are no longer comparable with results after.
   */
  private static final String POWER_PLANT_10_FOLD_1192 =
      "89dd315274a871a455d9a564eb0aeb4a8d60f3906cd9f3c692266d9d47c1b1aa";

  @Test
  void kFold_powerPlantTenFoldsSeed1192_hasPinnedDigest() {
    RawTable table = SharedData.table(UciDataset.POWER_PLANT);

    FoldPlan plan = FoldPlan.kFold("power_plant", table.rows(), null, 10, 1192);

    assertEquals(POWER_PLANT_10_FOLD_1192, plan.digest());
  }

  @Test
  void kFold_magicGammaTenFolds_eachFoldWithinOneRowOfClassProportion() {
    int[] labels = SharedData.table(UciDataset.MAGIC_GAMMA).labels();

    FoldPlan plan = FoldPlan.kFold("magic_gamma", labels.length, labels, 10, 1192);

    for (Fold fold : plan.folds()) {
      long hadrons = Arrays.stream(fold.test()).filter(row -> labels[row] == 1).count();
      double expected = fold.test().length * 6_688.0 / 19_020;
      assertTrue(Math.abs(hadrons - expected) <= 1, "fold " + fold.index() + ": " + hadrons);
    }
  }
}
