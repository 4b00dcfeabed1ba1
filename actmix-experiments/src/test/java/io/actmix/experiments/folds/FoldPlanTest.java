package io.actmix.experiments.folds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fold plans on in-code labels: coverage, balance, stratification, determinism, round trip. */
class FoldPlanTest {

  /** 103 rows: 70 of class 0, 22 of class 1, 11 of class 2. */
  private static final int[] STRATA = strata(70, 22, 11);

  @TempDir Path directory;

  @ParameterizedTest(name = "k = {0}")
  @CsvSource({"2", "5", "10", "11"})
  void kFold_stratified_putsEveryRowInExactlyOneTestFold(int k) {
    FoldPlan plan = FoldPlan.kFold("toy", STRATA.length, STRATA, k, 7);

    int[] timesTested = new int[STRATA.length];
    plan.folds().forEach(fold -> Arrays.stream(fold.test()).forEach(row -> timesTested[row]++));

    assertTrue(Arrays.stream(timesTested).allMatch(times -> times == 1));
  }

  @ParameterizedTest(name = "k = {0}")
  @CsvSource({"2", "5", "10", "11"})
  void kFold_stratified_foldSizesDifferByAtMostOne(int k) {
    FoldPlan plan = FoldPlan.kFold("toy", STRATA.length, STRATA, k, 7);

    int[] sizes = plan.folds().stream().mapToInt(fold -> fold.test().length).toArray();

    assertTrue(max(sizes) - min(sizes) <= 1, Arrays.toString(sizes));
  }

  @ParameterizedTest(name = "k = {0}")
  @CsvSource({"2", "5", "10", "11"})
  void kFold_stratified_classCountsWithinOneRowOfGlobalProportion(int k) {
    FoldPlan plan = FoldPlan.kFold("toy", STRATA.length, STRATA, k, 7);

    for (Fold fold : plan.folds()) {
      for (int label = 0; label < 3; label++) {
        double expected = fold.test().length * count(STRATA, label) / (double) STRATA.length;
        long actual = count(fold.test(), STRATA, label);
        assertTrue(
            Math.abs(actual - expected) <= 1,
            "fold " + fold.index() + " class " + label + ": " + actual + " vs " + expected);
      }
    }
  }

  @Test
  void kFold_eachFold_validationIsOneNinthOfTrainingPartAndDisjoint() {
    FoldPlan plan = FoldPlan.kFold("toy", STRATA.length, STRATA, 5, 7);

    for (Fold fold : plan.folds()) {
      int part = fold.train().length + fold.validation().length;
      assertEquals(STRATA.length, part + fold.test().length, "rows of fold " + fold.index());
      assertEquals((part + 8) / 9, fold.validation().length, "validation of fold " + fold.index());
      assertTrue(
          IntStream.concat(Arrays.stream(fold.test()), Arrays.stream(fold.validation()))
              .noneMatch(row -> Arrays.binarySearch(fold.train(), row) >= 0));
    }
  }

  @Test
  void holdout_stratified_splits80To10To10() {
    int[] strata = strata(700, 300);

    Fold fold = FoldPlan.holdout("toy", strata.length, strata, 7).fold(0);

    assertEquals(
        "800/100/100, test 70/30",
        fold.train().length
            + "/"
            + fold.validation().length
            + "/"
            + fold.test().length
            + ", test "
            + count(fold.test(), strata, 0)
            + "/"
            + count(fold.test(), strata, 1));
  }

  @Test
  void kFold_sameArguments_givesSameDigest() {
    assertEquals(
        FoldPlan.kFold("toy", STRATA.length, STRATA, 5, 7).digest(),
        FoldPlan.kFold("toy", STRATA.length, STRATA, 5, 7).digest());
  }

  @Test
  void kFold_otherSeed_givesOtherTestFolds() {
    assertTrue(
        !Arrays.equals(
            FoldPlan.kFold("toy", STRATA.length, STRATA, 5, 7).testFold(),
            FoldPlan.kFold("toy", STRATA.length, STRATA, 5, 8).testFold()));
  }

  @Test
  void read_writtenPlan_equalsOriginal() {
    FoldPlan plan = FoldPlan.kFold("toy", STRATA.length, null, 4, 3);
    Path file = directory.resolve("fold_plan.json");
    plan.write(file);

    FoldPlan read = FoldPlan.read(file);

    assertEquals(plan.folds(), read.folds());
  }

  @Test
  void fromJson_editedTestFold_isRejectedByDigest() {
    FoldPlan plan = FoldPlan.kFold("toy", STRATA.length, null, 4, 3);
    String edited = plan.toJson().replaceFirst("\"test_fold\":\\[(\\d)", "\"test_fold\":[9");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> FoldPlan.fromJson(edited));

    assertTrue(
        error.getMessage().startsWith("fold plan: digest = " + plan.digest() + "; does not match"),
        error.getMessage());
  }

  @Test
  void kFold_oneFold_failsAskingForTwo() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> FoldPlan.kFold("toy", STRATA.length, STRATA, 1, 7));

    assertEquals("cv_folds = 1; must be >= 2", error.getMessage());
  }

  @Test
  void kFold_moreFoldsThanSmallestClass_failsNamingTheClass() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> FoldPlan.kFold("toy", STRATA.length, STRATA, 12, 7));

    assertEquals(
        "cv_folds = 12; must not exceed 11, the rows of the smallest class (label 2)",
        error.getMessage());
  }

  @Test
  void kFold_moreFoldsThanRows_failsNamingTheRows() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> FoldPlan.kFold("toy", 5, null, 6, 7));

    assertEquals("cv_folds = 6; must not exceed 5, the number of rows", error.getMessage());
  }

  private static int[] strata(int... counts) {
    return IntStream.range(0, counts.length)
        .flatMap(label -> IntStream.generate(() -> label).limit(counts[label]))
        .toArray();
  }

  /** How many of {@code labels} equal {@code label}. */
  private static long count(int[] labels, int label) {
    return Arrays.stream(labels).filter(value -> value == label).count();
  }

  /** How many of {@code rows} have label {@code label} in {@code strata}. */
  private static long count(int[] rows, int[] strata, int label) {
    return Arrays.stream(rows).filter(row -> strata[row] == label).count();
  }

  private static int max(int[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }

  private static int min(int[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }
}
