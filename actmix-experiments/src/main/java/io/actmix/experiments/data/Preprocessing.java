package io.actmix.experiments.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.datavec.api.transform.TransformProcess;
import org.datavec.api.transform.condition.ConditionOp;
import org.datavec.api.transform.condition.column.StringColumnCondition;
import org.datavec.api.transform.schema.Schema;
import org.datavec.api.transform.transform.doubletransform.StandardizeNormalizer;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The preprocessing fitted on the training rows of one split, as a DataVec {@link TransformProcess}
 * over the cleaned schema, plus the regression target's mean and deviation to map predictions back.
 * It is a value: it can be saved beside a model and reloaded to encode new rows of the same {@code
 * data.csv} layout.
 *
 * <ul>
 *   <li>numeric feature {@code x}: {@code (x − μ) / σ} with the training mean and the population
 *       standard deviation (σ = 1 for a constant column);
 *   <li>categorical feature: one-hot over the categories seen in training, sorted; a category
 *       unseen in training encodes as all zeros;
 *   <li>regression target {@code y}: {@code (y − μ_y) / σ_y}; classification labels are untouched.
 * </ul>
 */
public final class Preprocessing {

  /** Stand-in for a category unseen in training; its one-hot column is removed. */
  static final String UNSEEN = "__unseen__";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final UciDataset dataset;
  private final TransformProcess encoding;
  private final double targetMean;
  private final double targetStd;
  private final int[] featureIndices;
  private final int targetIndex;

  private Preprocessing(
      UciDataset dataset, TransformProcess encoding, double targetMean, double targetStd) {
    this.dataset = dataset;
    this.encoding = encoding;
    this.targetMean = targetMean;
    this.targetStd = targetStd;
    Schema out = encoding.getFinalSchema();
    this.targetIndex = out.getIndexOfColumn(dataset.targetColumn());
    this.featureIndices = new int[out.numColumns() - 1];
    for (int c = 0, f = 0; c < out.numColumns(); c++) {
      if (c != targetIndex) {
        featureIndices[f++] = c;
      }
    }
  }

  /** Fits the preprocessing on {@code trainRows} of {@code table}, and on nothing else. */
  public static Preprocessing fit(RawTable table, int[] trainRows) {
    if (trainRows.length == 0) {
      throw new IllegalArgumentException(
          "Preprocessing(" + table.dataset().label() + "): trainRows is empty; must hold rows");
    }
    UciDataset dataset = table.dataset();
    Schema schema = table.schema();
    TransformProcess.Builder encoding = new TransformProcess.Builder(schema);
    for (String column : dataset.numericColumns()) {
      double[] stats = meanAndStd(table, schema.getIndexOfColumn(column), trainRows);
      encoding.transform(new StandardizeNormalizer(column, stats[0], stats[1]));
    }
    for (String column : dataset.categoricalColumns()) {
      int index = schema.getIndexOfColumn(column);
      Set<String> seen = new TreeSet<>();
      for (int row : trainRows) {
        seen.add(table.records().get(row).get(index).toString());
      }
      List<String> states = new ArrayList<>(seen);
      states.add(UNSEEN);
      encoding
          .conditionalReplaceValueTransform(
              column,
              new Text(UNSEEN),
              new StringColumnCondition(column, ConditionOp.NotInSet, seen))
          .stringToCategorical(column, states)
          .categoricalToOneHot(column)
          .removeColumns(column + "[" + UNSEEN + "]");
    }
    double targetMean = 0.0;
    double targetStd = 1.0;
    if (dataset.isRegression()) {
      double[] stats =
          meanAndStd(table, schema.getIndexOfColumn(dataset.targetColumn()), trainRows);
      targetMean = stats[0];
      targetStd = stats[1];
      encoding.transform(new StandardizeNormalizer(dataset.targetColumn(), targetMean, targetStd));
    }
    return new Preprocessing(dataset, encoding.build(), targetMean, targetStd);
  }

  /** Mean and population standard deviation of a column over rows; σ = 1 when it is 0. */
  private static double[] meanAndStd(RawTable table, int column, int[] rows) {
    double mean = 0.0;
    for (int row : rows) {
      mean += table.records().get(row).get(column).toDouble();
    }
    mean /= rows.length;
    double squares = 0.0;
    for (int row : rows) {
      double deviation = table.records().get(row).get(column).toDouble() - mean;
      squares += deviation * deviation;
    }
    double std = Math.sqrt(squares / rows.length);
    return new double[] {mean, std > 0 ? std : 1.0};
  }

  /** Encodes {@code rows} of {@code table} as a float32 {@link DataSet}. */
  public DataSet apply(RawTable table, int[] rows) {
    List<List<Writable>> selected = new ArrayList<>(rows.length);
    for (int row : rows) {
      selected.add(table.records().get(row));
    }
    return apply(selected);
  }

  /**
   * Encodes cleaned records (the schema of {@link UciDataset#cleaning()}) as a float32 {@link
   * DataSet}: features [rows, features()], labels one-hot [rows, classes] or the standardized
   * target [rows, 1].
   */
  public DataSet apply(List<List<Writable>> cleanRecords) {
    int rows = cleanRecords.size();
    float[][] features = new float[rows][featureIndices.length];
    int outputs = dataset.isRegression() ? 1 : dataset.classes().size();
    float[][] labels = new float[rows][outputs];
    for (int i = 0; i < rows; i++) {
      List<Writable> encoded = encoding.execute(cleanRecords.get(i));
      for (int f = 0; f < featureIndices.length; f++) {
        features[i][f] = (float) encoded.get(featureIndices[f]).toDouble();
      }
      if (dataset.isRegression()) {
        labels[i][0] = (float) encoded.get(targetIndex).toDouble();
      } else {
        labels[i][encoded.get(targetIndex).toInt()] = 1.0f;
      }
    }
    return new DataSet(
        Nd4j.create(features).castTo(DataType.FLOAT), Nd4j.create(labels).castTo(DataType.FLOAT));
  }

  /** Maps standardized regression outputs back to the target's unit: {@code y = μ_y + σ_y·ŷ}. */
  public double[] targetToUnit(INDArray standardized) {
    double[] values = standardized.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    for (int i = 0; i < values.length; i++) {
      values[i] = targetMean + targetStd * values[i];
    }
    return values;
  }

  /** Number of encoded feature columns. */
  public int features() {
    return featureIndices.length;
  }

  /** Names of the encoded feature columns, in column order. */
  public List<String> featureNames() {
    List<String> names = encoding.getFinalSchema().getColumnNames();
    List<String> features = new ArrayList<>(featureIndices.length);
    for (int index : featureIndices) {
      features.add(names.get(index));
    }
    return features;
  }

  /**
   * The positions among the encoded features ({@link #featureNames()}) of the dataset's numeric
   * columns, in feature order; the others are one-hot categories.
   */
  public List<Integer> numericFeatures() {
    List<String> names = featureNames();
    List<Integer> numeric = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (dataset.numericColumns().contains(names.get(i))) {
        numeric.add(i);
      }
    }
    return List.copyOf(numeric);
  }

  public UciDataset dataset() {
    return dataset;
  }

  /** The fitted encoding process. */
  public TransformProcess encoding() {
    return encoding;
  }

  /** Training mean of the regression target (0 for classification). */
  public double targetMean() {
    return targetMean;
  }

  /** Training standard deviation of the regression target (1 for classification). */
  public double targetStd() {
    return targetStd;
  }

  /** This preprocessing as JSON: dataset, target statistics and the encoding process. */
  public String toJson() {
    try {
      ObjectNode root = JSON.createObjectNode();
      root.put("dataset", dataset.label());
      root.put("target_mean", targetMean);
      root.put("target_std", targetStd);
      root.set("encoding", JSON.readTree(encoding.toJson()));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads what {@link #toJson()} wrote. */
  public static Preprocessing fromJson(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      return new Preprocessing(
          UciDataset.of(root.path("dataset").asText()),
          TransformProcess.fromJson(root.path("encoding").toString()),
          root.path("target_mean").asDouble(),
          root.path("target_std").asDouble());
    } catch (IOException e) {
      throw new IllegalArgumentException("Preprocessing: not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Writes {@link #toJson()} to {@code file} atomically. */
  public void save(Path file) {
    AtomicFiles.writeString(file, toJson());
  }

  /** Reads a preprocessing saved by {@link #save}. */
  public static Preprocessing load(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + AtomicFiles.reason(e), e);
    }
  }
}
