package io.actmix.experiments;

import io.actmix.experiments.data.DatasetFiles;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.UciDataset;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real UCI data for tests tagged {@code integration}, found where the commands find it ({@link
 * DatasetFiles#standard}): {@code ACTMIX_DATA_DIR} (relative to the folder {@code mvn} was typed
 * in), the per-user cache, or a verified download from UCI into that cache.
 *
 * <p>When a dataset cannot be had, the first test that asks fails with one message saying how to
 * point at the data, without a stack trace; every later test that asks is skipped with a pointer to
 * that failure, so a machine without the data reports one error, not one per test.
 */
public final class SharedData {

  private static final SharedData STANDARD =
      new SharedData(
          DatasetFiles.standard(
              null, System.getenv(), line -> System.err.println("[actmix tests] " + line)));

  private final DatasetFiles files;
  private final Map<UciDataset, Path> located = new EnumMap<>(UciDataset.class);
  private final Map<UciDataset, RawTable> tables = new EnumMap<>(UciDataset.class);
  private String failure;

  /** Finds the data through {@code files}; tests of this class use their own. */
  public SharedData(DatasetFiles files) {
    this.files = files;
  }

  /** The {@code data.csv} of {@code dataset}, found or downloaded where the commands look. */
  public static Path file(UciDataset dataset) {
    return STANDARD.locate(dataset);
  }

  /** The cleaned table of {@code dataset}, read once per test JVM. */
  public static RawTable table(UciDataset dataset) {
    return STANDARD.read(dataset);
  }

  /**
   * The {@code data.csv} of {@code dataset}.
   *
   * @throws IllegalStateException the first time the data cannot be had, with the advice
   * @throws org.opentest4j.TestAbortedException every later time
   */
  public synchronized Path locate(UciDataset dataset) {
    Assumptions.assumeTrue(
        failure == null, () -> "skipped: the UCI data is not available (" + failure + ")");
    Path file = located.get(dataset);
    if (file != null) {
      return file;
    }
    try {
      file = files.locate(dataset);
    } catch (RuntimeException e) {
      failure = dataset.label() + ": " + e.getMessage();
      throw withoutStackTrace(
          new IllegalStateException(
              "The UCI datasets of the tests tagged integration cannot be had: "
                  + e.getMessage()
                  + ". On the project's machines: "
                  + DatasetFiles.DATA_DIR_VARIABLE
                  + "=../shared/datasets mvn verify; to run the other tests alone:"
                  + " mvn verify -DexcludedGroups=integration"));
    }
    located.put(dataset, file);
    return file;
  }

  /** The cleaned table of {@code dataset}, read once. */
  public synchronized RawTable read(UciDataset dataset) {
    RawTable table = tables.get(dataset);
    if (table == null) {
      table = RawTable.read(dataset, locate(dataset));
      tables.put(dataset, table);
    }
    return table;
  }

  /** The advice is the whole story: its stack trace would only repeat the test's name. */
  private static RuntimeException withoutStackTrace(RuntimeException e) {
    e.setStackTrace(new StackTraceElement[0]);
    return e;
  }
}
