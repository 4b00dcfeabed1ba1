package io.actmix.experiments.cli;

import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.data.DatasetFiles;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.UciDataset;
import io.actmix.experiments.folds.FoldPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command needs: the resolved configuration, its data, and where results go.
 *
 * @param config the resolved configuration
 * @param table the configuration's dataset, cleaned
 * @param out where the command reports
 */
public record Experiment(ExperimentConfig config, RawTable table, PrintStream out) {

  /**
   * Resolves the data of {@code config}: its data directory, the environment {@code env}, the cache
   * or UCI (see {@link DatasetFiles#standard}).
   */
  public static Experiment of(ExperimentConfig config, Map<String, String> env, PrintStream out) {
    DatasetFiles files = DatasetFiles.standard(config.dataDir(), env, out::println);
    UciDataset dataset = config.dataset().dataset();
    return new Experiment(config, files.load(dataset), out);
  }

  public UciDataset dataset() {
    return table.dataset();
  }

  /** {@code <root_dir>/experiments}. */
  public Path experimentsDirectory() {
    return Path.of(config.paths().rootDir()).resolve("experiments");
  }

  /** {@code <root_dir>/experiments/<model>_<dataset>}, the folder of one model's results. */
  public Path runDirectory(String model) {
    return experimentsDirectory().resolve(model + "_" + dataset().label());
  }

  /** The k-fold plan of this experiment: stratified for classification, from the seed. */
  public FoldPlan foldPlan() {
    return FoldPlan.kFold(
        dataset().label(), table.rows(), table.strata(), config.cvFolds(), config.seed());
  }

  /** The single 80/10/10 split of this experiment: stratified for classification, from the seed. */
  public FoldPlan holdoutPlan() {
    return FoldPlan.holdout(dataset().label(), table.rows(), table.strata(), config.seed());
  }

  /** Creates {@code directory} and writes the resolved configuration into it. */
  public static Path prepare(Path directory, ExperimentConfig config) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          directory + ": cannot be created: " + AtomicFiles.reason(e), e);
    }
    AtomicFiles.writeString(directory.resolve("config.yaml"), ConfigLoader.toYaml(config));
    return directory;
  }
}
