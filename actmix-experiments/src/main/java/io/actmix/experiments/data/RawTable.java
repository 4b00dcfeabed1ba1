package io.actmix.experiments.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.datavec.api.transform.TransformProcess;
import org.datavec.api.transform.schema.Schema;
import org.datavec.api.writable.Writable;

/**
 * A dataset after cleaning and before anything is fitted: one record per row in the schema of
 * {@link UciDataset#cleaning()}, with its class label or target value.
 */
public final class RawTable {

  private final UciDataset dataset;
  private final Schema schema;
  private final List<List<Writable>> records;
  private final int targetIndex;

  private RawTable(UciDataset dataset, Schema schema, List<List<Writable>> records) {
    this.dataset = dataset;
    this.schema = schema;
    this.records = Collections.unmodifiableList(records);
    this.targetIndex = schema.getIndexOfColumn(dataset.targetColumn());
  }

  /** Reads and cleans {@code file}; see {@link CsvTableReader#read} for the checks. */
  public static RawTable read(UciDataset dataset, Path file) {
    return of(dataset, CsvTableReader.read(dataset, file));
  }

  /** Reads and cleans the bytes of a {@code data.csv}; {@code source} names it in messages. */
  public static RawTable read(UciDataset dataset, Path source, byte[] csv) {
    return of(dataset, CsvTableReader.read(dataset, source, csv));
  }

  /** Cleans records of the dataset's raw schema (rows the cleaning filters out are dropped). */
  public static RawTable of(UciDataset dataset, List<List<Writable>> rawRecords) {
    TransformProcess cleaning = dataset.cleaning();
    List<List<Writable>> clean = new ArrayList<>(rawRecords.size());
    for (List<Writable> record : rawRecords) {
      List<Writable> cleaned = cleaning.execute(record);
      if (cleaned != null) {
        clean.add(cleaned);
      }
    }
    return new RawTable(dataset, cleaning.getFinalSchema(), clean);
  }

  public UciDataset dataset() {
    return dataset;
  }

  /** The DataVec schema of {@link #records()}. */
  public Schema schema() {
    return schema;
  }

  /** Cleaned records; an unmodifiable list. */
  public List<List<Writable>> records() {
    return records;
  }

  public int rows() {
    return records.size();
  }

  /** Class labels 0 … C−1 of every row. */
  public int[] labels() {
    if (dataset.isRegression()) {
      throw new IllegalStateException(
          "RawTable(" + dataset.label() + "): labels() on a regression dataset; use targets()");
    }
    int[] labels = new int[rows()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = records.get(i).get(targetIndex).toInt();
    }
    return labels;
  }

  /** Target values of every row, in the target's own unit. */
  public double[] targets() {
    double[] targets = new double[rows()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = records.get(i).get(targetIndex).toDouble();
    }
    return targets;
  }

  /** Class labels for a classification dataset, {@code null} for regression: the strata. */
  public int[] strata() {
    return dataset.isRegression() ? null : labels();
  }
}
