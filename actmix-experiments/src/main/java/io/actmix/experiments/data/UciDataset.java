package io.actmix.experiments.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datavec.api.transform.TransformProcess;
import org.datavec.api.transform.condition.BooleanCondition;
import org.datavec.api.transform.condition.Condition;
import org.datavec.api.transform.condition.ConditionOp;
import org.datavec.api.transform.condition.column.StringColumnCondition;
import org.datavec.api.transform.filter.ConditionFilter;
import org.datavec.api.transform.schema.Schema;

/**
 * The three UCI datasets of the study, each as UCI serves its {@code data.csv}: a header line, the
 * features, then the target.
 *
 * <p>Each one knows its raw DataVec {@link Schema} (numeric columns as doubles, categorical columns
 * and class labels as strings) and its cleaning {@link TransformProcess}, which holds nothing
 * fitted: Adult drops rows with a {@code ?}, strips whitespace and the trailing {@code .} of the
 * test labels; class labels become integers ({@code >50K} = 1, MAGIC's {@code h} = 1).
 */
public enum UciDataset {
  /** Combined Cycle Power Plant: net hourly output {@code PE} in MW from 4 ambient readings. */
  POWER_PLANT(
      "power_plant",
      294,
      Task.REGRESSION,
      List.of("AT", "V", "AP", "RH"),
      List.of(),
      "PE",
      List.of(),
      Map.of(),
      9_568,
      9_568,
      "3c1fc11025f8424f8d95802d8b7086dffd3f73a552c6dcab3d973620986194b2"),
  /**
   * Adult (Census Income): whether income exceeds 50K, from 6 numeric and 8 categorical columns.
   */
  ADULT_CENSUS(
      "adult_census",
      2,
      Task.CLASSIFICATION,
      List.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"),
      List.of(
          "workclass",
          "education",
          "marital-status",
          "occupation",
          "relationship",
          "race",
          "sex",
          "native-country"),
      "income",
      List.of("<=50K", ">50K"),
      Map.of("<=50K.", "<=50K", ">50K.", ">50K"),
      48_842,
      45_222,
      "f7acee69ac6292d98dd6d2a3a87bf2f5496c850ca5414c565be3adcbb702d10b"),
  /** MAGIC Gamma Telescope: gamma (g = 0) or hadron (h = 1) from 10 image parameters. */
  MAGIC_GAMMA(
      "magic_gamma",
      159,
      Task.CLASSIFICATION,
      List.of(
          "fLength",
          "fWidth",
          "fSize",
          "fConc",
          "fConc1",
          "fAsym",
          "fM3Long",
          "fM3Trans",
          "fAlpha",
          "fDist"),
      List.of(),
      "class",
      List.of("g", "h"),
      Map.of(),
      19_020,
      19_020,
      "ed9c3c747b6a424f579fb830b375bfea72ac4b0f4520fb2edd1ee609df79d0bc");

  /** The value that marks a missing cell in Adult. */
  public static final String MISSING = "?";

  private final String label;
  private final int uciId;
  private final Task task;
  private final List<String> numericColumns;
  private final List<String> categoricalColumns;
  private final String targetColumn;
  private final List<String> classes;
  private final Map<String, String> labelAliases;
  private final int fileRows;
  private final int cleanRows;
  private final String sha256;

  UciDataset(
      String label,
      int uciId,
      Task task,
      List<String> numericColumns,
      List<String> categoricalColumns,
      String targetColumn,
      List<String> classes,
      Map<String, String> labelAliases,
      int fileRows,
      int cleanRows,
      String sha256) {
    this.label = label;
    this.uciId = uciId;
    this.task = task;
    this.numericColumns = numericColumns;
    this.categoricalColumns = categoricalColumns;
    this.targetColumn = targetColumn;
    this.classes = classes;
    this.labelAliases = labelAliases;
    this.fileRows = fileRows;
    this.cleanRows = cleanRows;
    this.sha256 = sha256;
  }

  /**
   * The dataset named {@code name} ({@code power_plant}, {@code adult_census}, {@code
   * magic_gamma}).
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static UciDataset of(String name) {
    for (UciDataset dataset : values()) {
      if (dataset.label.equals(name)) {
        return dataset;
      }
    }
    throw new IllegalArgumentException(
        "Unknown dataset '" + name + "'; valid: " + String.join(", ", labels()));
  }

  /** The names of all datasets, in declaration order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(UciDataset::label).toList();
  }

  /** The name used in configuration, folders and results, for example {@code power_plant}. */
  public String label() {
    return label;
  }

  /** The dataset's id in the UCI Machine Learning Repository. */
  public int uciId() {
    return uciId;
  }

  public Task task() {
    return task;
  }

  /** Numeric feature columns, in file order. */
  public List<String> numericColumns() {
    return numericColumns;
  }

  /** Categorical feature columns, one-hot encoded with the training vocabulary. */
  public List<String> categoricalColumns() {
    return categoricalColumns;
  }

  public String targetColumn() {
    return targetColumn;
  }

  /** Class names in label order (label 0 first); empty for regression. */
  public List<String> classes() {
    return classes;
  }

  /** Data rows of {@code data.csv} (header excluded). */
  public int fileRows() {
    return fileRows;
  }

  /** Rows left after cleaning (Adult drops rows with a missing value). */
  public int cleanRows() {
    return cleanRows;
  }

  /** SHA-256 of the {@code data.csv} this project was built and tested on. */
  public String sha256() {
    return sha256;
  }

  /** The header of {@code data.csv}: every column in file order. */
  public List<String> header() {
    List<String> header = new ArrayList<>();
    header.addAll(fileOrderFeatures());
    header.add(targetColumn);
    return header;
  }

  /** Whether {@code column} holds numbers. */
  boolean isNumeric(String column) {
    return numericColumns.contains(column) || (column.equals(targetColumn) && isRegression());
  }

  boolean isRegression() {
    return task == Task.REGRESSION;
  }

  /** The raw class label accepted in the file: a class name or one of its aliases. */
  Set<String> acceptedLabels() {
    Set<String> accepted = new LinkedHashSet<>(classes);
    accepted.addAll(labelAliases.keySet());
    return accepted;
  }

  /** The feature columns in the order {@code data.csv} holds them. */
  private List<String> fileOrderFeatures() {
    if (this == ADULT_CENSUS) {
      return List.of(
          "age",
          "workclass",
          "fnlwgt",
          "education",
          "education-num",
          "marital-status",
          "occupation",
          "relationship",
          "race",
          "sex",
          "capital-gain",
          "capital-loss",
          "hours-per-week",
          "native-country");
    }
    return numericColumns;
  }

  /** The DataVec schema of {@code data.csv}: doubles for numbers, strings for the rest. */
  public Schema rawSchema() {
    Schema.Builder schema = new Schema.Builder();
    for (String column : header()) {
      if (isNumeric(column)) {
        schema.addColumnDouble(column);
      } else {
        schema.addColumnString(column);
      }
    }
    return schema.build();
  }

  /**
   * The cleaning process: nothing in it is fitted, so it applies to any rows of the file. Its final
   * schema has the numeric and categorical features and an integer class label (or the double
   * target).
   */
  public TransformProcess cleaning() {
    TransformProcess.Builder process = new TransformProcess.Builder(rawSchema());
    if (!categoricalColumns.isEmpty()) {
      Condition[] missing =
          categoricalColumns.stream()
              .map(column -> new StringColumnCondition(column, ConditionOp.Equal, MISSING))
              .toArray(Condition[]::new);
      process.filter(
          new ConditionFilter(missing.length == 1 ? missing[0] : BooleanCondition.OR(missing)));
    }
    if (task == Task.CLASSIFICATION) {
      process.stringRemoveWhitespaceTransform(targetColumn);
      if (!labelAliases.isEmpty()) {
        process.stringMapTransform(targetColumn, labelAliases);
      }
      process.stringToCategorical(targetColumn, classes);
      process.categoricalToInteger(targetColumn);
    }
    return process.build();
  }

  @Override
  public String toString() {
    return label;
  }
}
