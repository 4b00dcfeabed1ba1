package io.actmix.experiments.cli;

import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.data.DatasetFiles;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.UciDataset;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every command needs: the resolved configuration, its data, and where results go. */
record Experiment(ExperimentConfig config, RawTable table, PrintStream out) {

  /** Resolves the data of {@code config}: its data directory, the environment, cache or UCI. */
  static Experiment of(ExperimentConfig config, PrintStream out) {
    Path override = config.dataDir().isBlank() ? null : Path.of(config.dataDir());
    DatasetFiles files = DatasetFiles.standard(override, System.getenv(), out::println);
    UciDataset dataset = config.dataset().dataset();
    return new Experiment(config, files.load(dataset), out);
  }

  UciDataset dataset() {
    return table.dataset();
  }

  /** {@code <root_dir>/experiments}. */
  Path experimentsDirectory() {
    return Path.of(config.paths().rootDir()).resolve("experiments");
  }

  /** {@code <root_dir>/experiments/<model>_<dataset>}, the folder of one model's results. */
  Path runDirectory(String model) {
    return experimentsDirectory().resolve(model + "_" + dataset().label());
  }

  /** Creates {@code directory} and writes the resolved configuration into it. */
  static Path prepare(Path directory, ExperimentConfig config) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(directory + ": cannot be created: " + e.getMessage(), e);
    }
    AtomicFiles.writeString(directory.resolve("config.yaml"), ConfigLoader.toYaml(config));
    return directory;
  }
}
