package io.actmix.experiments;

import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.UciDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The real UCI data for tests tagged {@code integration}: the directory that the {@code
 * actmix.data.dir} system property names (Maven passes {@code ACTMIX_DATA_DIR}; CI points it at
 * {@code ../shared/datasets}). Tables are read once per test JVM.
 */
public final class SharedData {

  private static final Map<UciDataset, RawTable> TABLES = new EnumMap<>(UciDataset.class);

  private SharedData() {}

  /** The data directory; fails with instructions when it is not set. */
  public static Path directory() {
    String value = System.getProperty("actmix.data.dir", "");
    if (value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(
          "actmix.data.dir is not set; run the tests with ACTMIX_DATA_DIR pointing at the folder"
              + " holding <dataset>/data.csv, for example ACTMIX_DATA_DIR=../shared/datasets mvn"
              + " verify");
    }
    Path directory = Path.of(value).toAbsolutePath();
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("actmix.data.dir = " + directory + "; not a directory");
    }
    return directory;
  }

  /** The {@code data.csv} of {@code dataset}. */
  public static Path file(UciDataset dataset) {
    return directory().resolve(dataset.label()).resolve("data.csv");
  }

  /** The cleaned table of {@code dataset}, read once. */
  public static synchronized RawTable table(UciDataset dataset) {
    return TABLES.computeIfAbsent(dataset, d -> RawTable.read(d, file(d)));
  }
}
