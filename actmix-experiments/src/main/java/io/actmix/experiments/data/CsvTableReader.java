package io.actmix.experiments.data;

import io.actmix.experiments.AtomicFiles;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datavec.api.writable.DoubleWritable;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;

/**
 * Reads a dataset's {@code data.csv} into records of its raw DataVec schema, checking every line
 * first, so that a bad file fails with the file, the line, the column and what was expected:
 *
 * <pre>
 *   power_plant/data.csv line 17, column 'AT': value = 'abc'; must be a number
 * </pre>
 *
 * <p>Fields are split on commas and stripped of surrounding whitespace; the files hold no quoting.
 */
public final class CsvTableReader {

  private CsvTableReader() {}

  /**
   * The records of {@code file}: a {@link DoubleWritable} for every numeric column, a {@link Text}
   * for every other column, in header order.
   *
   * @throws IllegalArgumentException for a missing or empty file, a wrong header, a row with too
   *     few or too many fields, a value that is not a finite number in a numeric column, or an
   *     unknown class label
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<List<Writable>> read(UciDataset dataset, Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(dataset, file, reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          file + ": file not found; expected the UCI data.csv of " + dataset.label());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + AtomicFiles.reason(e), e);
    }
  }

  /**
   * The records of a file's {@code bytes}, checked as {@link #read(UciDataset, Path)} checks them;
   * {@code source} names the file in messages. A study's Spark tasks read the table the driver
   * sent.
   */
  public static List<List<Writable>> read(UciDataset dataset, Path source, byte[] bytes) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      return read(dataset, source, reader);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be read: " + AtomicFiles.reason(e), e);
    }
  }

  private static List<List<Writable>> read(UciDataset dataset, Path file, BufferedReader reader)
      throws IOException {
    List<String> header = dataset.header();
    String expectedHeader = String.join(",", header);
    String headerLine = reader.readLine();
    if (headerLine == null) {
      throw new IllegalArgumentException(
          file + ": file is empty; expected the header line '" + expectedHeader + "'");
    }
    if (!headerLine.strip().equals(expectedHeader)) {
      throw new IllegalArgumentException(
          file
              + " line 1: header = '"
              + headerLine.strip()
              + "'; must be '"
              + expectedHeader
              + "' ("
              + dataset.label()
              + ")");
    }
    boolean[] numeric = new boolean[header.size()];
    for (int c = 0; c < numeric.length; c++) {
      numeric[c] = dataset.isNumeric(header.get(c));
    }
    int labelColumn = dataset.isRegression() ? -1 : header.size() - 1;
    Set<String> labels = dataset.acceptedLabels();
    List<List<Writable>> records = new ArrayList<>(dataset.fileRows());
    int lineNumber = 1;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      String[] fields = line.split(",", -1);
      if (fields.length != header.size()) {
        throw new IllegalArgumentException(
            file
                + " line "
                + lineNumber
                + ": fields = "
                + fields.length
                + "; must be "
                + header.size()
                + " ("
                + expectedHeader
                + ")");
      }
      List<Writable> record = new ArrayList<>(fields.length);
      for (int c = 0; c < fields.length; c++) {
        String value = fields[c].strip();
        if (numeric[c]) {
          record.add(new DoubleWritable(number(file, lineNumber, header.get(c), value)));
        } else {
          if (c == labelColumn && !labels.contains(value)) {
            throw new IllegalArgumentException(
                where(file, lineNumber, header.get(c))
                    + ": value = '"
                    + value
                    + "'; must be one of "
                    + String.join(", ", labels));
          }
          record.add(new Text(value));
        }
      }
      records.add(record);
    }
    return records;
  }

  private static double number(Path file, int line, String column, String value) {
    double parsed;
    try {
      parsed = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where(file, line, column) + ": value = '" + value + "'; must be a number");
    }
    if (!Double.isFinite(parsed)) {
      throw new IllegalArgumentException(
          where(file, line, column) + ": value = '" + value + "'; must be a finite number");
    }
    return parsed;
  }

  private static String where(Path file, int line, String column) {
    return file + " line " + line + ", column '" + column + "'";
  }
}
