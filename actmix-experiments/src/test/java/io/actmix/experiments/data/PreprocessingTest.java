package io.actmix.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datavec.api.writable.DoubleWritable;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Fitted preprocessing on in-code rows: only training rows shape it, unseen categories encode as
 * zeros, the target maps back, and a saved preprocessing encodes exactly as the original.
 */
class PreprocessingTest {

  /** float32 features: about 7 significant digits. */
  private static final double FLOAT_TOLERANCE = 1e-6;

  @TempDir Path directory;

  /** Rows 0-3 train; rows 4 and 5 (validation, test) hold far-off values. */
  private static RawTable powerPlant() {
    double[][] rows = {
      {10, 40, 1010, 60, 470},
      {20, 50, 1015, 70, 450},
      {30, 60, 1020, 80, 440},
      {12, 45, 1012, 75, 460},
      {900, 900, 9000, 900, 9000},
      {-900, -900, -9000, -900, -9000}
    };
    List<List<Writable>> records = new ArrayList<>();
    for (double[] row : rows) {
      List<Writable> record = new ArrayList<>();
      for (double value : row) {
        record.add(new DoubleWritable(value));
      }
      records.add(record);
    }
    return RawTable.of(UciDataset.POWER_PLANT, records);
  }

  @Test
  void fit_trainRowsOnly_standardizesWithTrainingMeanAndStd() {
    RawTable table = powerPlant();
    int[] train = {0, 1, 2, 3};

    DataSet encoded = Preprocessing.fit(table, train).apply(table, new int[] {4});

    // AT over the training rows 10, 20, 30, 12: mean 18, population std sqrt(248 / 4).
    double expected = (900 - 18) / Math.sqrt(62);
    assertEquals(expected, encoded.getFeatures().getDouble(0, 0), expected * FLOAT_TOLERANCE);
  }

  @Test
  void fit_trainRowsOnly_recordsTrainingTargetStatistics() {
    Preprocessing preprocessing = Preprocessing.fit(powerPlant(), new int[] {0, 1, 2, 3});

    // PE over the training rows: mean 455, population std sqrt(125).
    assertArrayEquals(
        new double[] {455, Math.sqrt(125)},
        new double[] {preprocessing.targetMean(), preprocessing.targetStd()},
        1e-12);
  }

  @Test
  void targetToUnit_standardizedTargets_returnOriginalValues() {
    RawTable table = powerPlant();
    int[] all = {0, 1, 2, 3, 4, 5};
    Preprocessing preprocessing = Preprocessing.fit(table, new int[] {0, 1, 2, 3});

    double[] restored = preprocessing.targetToUnit(preprocessing.apply(table, all).getLabels());

    double[] original = table.targets();
    for (int i = 0; i < original.length; i++) {
      assertEquals(original[i], restored[i], Math.abs(original[i]) * FLOAT_TOLERANCE, "row " + i);
    }
  }

  @Test
  void apply_categoryUnseenInTraining_encodesAsAllZeros() {
    RawTable table = adultRows();
    Preprocessing preprocessing = Preprocessing.fit(table, new int[] {0, 1});

    DataSet encoded = preprocessing.apply(table, new int[] {2});

    List<String> names = preprocessing.featureNames();
    double[] row = encoded.getFeatures().toDoubleVector();
    double workclassSum = 0;
    for (int f = 0; f < names.size(); f++) {
      if (names.get(f).startsWith("workclass[")) {
        workclassSum += row[f];
      }
    }
    assertEquals(
        "[workclass[Private], workclass[State-gov]] sum 0.0",
        names.stream().filter(name -> name.startsWith("workclass[")).toList()
            + " sum "
            + workclassSum);
  }

  @Test
  void numericFeatures_adultRows_namesExactlyTheNumericColumns() {
    Preprocessing preprocessing = Preprocessing.fit(adultRows(), new int[] {0, 1});

    List<String> names = preprocessing.featureNames();
    List<String> numeric = preprocessing.numericFeatures().stream().map(names::get).toList();

    assertEquals(UciDataset.ADULT_CENSUS.numericColumns(), numeric);
  }

  @Test
  void apply_adultRows_labelsStrippedOfTrailingDotAreOneHot() {
    RawTable table = adultRows();

    DataSet encoded = Preprocessing.fit(table, new int[] {0, 1}).apply(table, new int[] {0, 1, 2});

    assertArrayEquals(
        new double[] {1, 0, 0, 1, 0, 1}, encoded.getLabels().reshape(-1).toDoubleVector());
  }

  @Test
  void load_savedPreprocessing_encodesIdentically() {
    RawTable table = adultRows();
    Preprocessing original = Preprocessing.fit(table, new int[] {0, 1});
    Path file = directory.resolve("preprocessing.json");
    original.save(file);

    Preprocessing loaded = Preprocessing.load(file);

    int[] all = {0, 1, 2};
    assertEquals(original.apply(table, all), loaded.apply(table, all));
  }

  /** Three Adult rows; the third has a workclass the first two lack and a test-style label. */
  private static RawTable adultRows() {
    String[][] rows = {
      {
        "39",
        "State-gov",
        "77516",
        "Bachelors",
        "13",
        "Never-married",
        "Adm-clerical",
        "Not-in-family",
        "White",
        "Male",
        "2174",
        "0",
        "40",
        "United-States",
        "<=50K"
      },
      {
        "50",
        "Private",
        "83311",
        "Bachelors",
        "13",
        "Married-civ-spouse",
        "Exec-managerial",
        "Husband",
        "White",
        "Male",
        "0",
        "0",
        "13",
        "United-States",
        ">50K"
      },
      {
        "38",
        "Self-emp-inc",
        "215646",
        "HS-grad",
        "9",
        "Divorced",
        "Handlers-cleaners",
        "Not-in-family",
        "White",
        "Male",
        "0",
        "0",
        "40",
        "United-States",
        ">50K."
      }
    };
    List<List<Writable>> records = new ArrayList<>();
    List<String> header = UciDataset.ADULT_CENSUS.header();
    for (String[] row : rows) {
      List<Writable> record = new ArrayList<>();
      for (int c = 0; c < row.length; c++) {
        record.add(
            UciDataset.ADULT_CENSUS.isNumeric(header.get(c))
                ? new DoubleWritable(Double.parseDouble(row[c]))
                : new Text(row[c]));
      }
      records.add(record);
    }
    return RawTable.of(UciDataset.ADULT_CENSUS, records);
  }
}
