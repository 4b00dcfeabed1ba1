package io.actmix.experiments.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.actmix.experiments.data.UciDataset;
import java.util.List;

/**
 * A resolved experiment configuration: {@code config/config.yaml} with its groups' files merged and
 * the command line's overrides applied. Keys keep the reference's names.
 *
 * @param dataset the dataset group
 * @param model the model group
 * @param training the training group
 * @param seed the seed of every random choice
 * @param cvFolds folds of cross-validation
 * @param workers folds trained in parallel; 0 = one per core
 * @param dataDir folder holding {@code <dataset>/data.csv}; empty = the usual search
 * @param paths where results go
 * @param bench the bench command's settings
 */
public record ExperimentConfig(
    @JsonProperty("dataset") DatasetConfig dataset,
    @JsonProperty("model") ModelConfig model,
    @JsonProperty("training") TrainingConfig training,
    @JsonProperty("seed") long seed,
    @JsonProperty("cv_folds") int cvFolds,
    @JsonProperty("workers") int workers,
    @JsonProperty("data_dir") String dataDir,
    @JsonProperty("paths") Paths paths,
    @JsonProperty("bench") Bench bench) {

  /** Validates every field. */
  public ExperimentConfig {
    Checks.present("dataset", dataset);
    Checks.present("model", model);
    Checks.present("training", training);
    Checks.atLeast("cv_folds", cvFolds, 2);
    Checks.atLeast("workers", workers, 0);
    dataDir = dataDir == null ? "" : dataDir;
    Checks.present("paths", paths);
    Checks.present("bench", bench);
  }

  /**
   * The {@code bench} command's settings.
   *
   * @param epochs epochs timed per model, in rounds of one epoch per model; the median of each
   *     model's is reported
   * @param warmup untimed rounds of one epoch per model before the timed ones, so that the JIT has
   *     compiled the code the models share
   * @param models the models timed side by side, names of {@code config/model/} files
   */
  public record Bench(
      @JsonProperty("epochs") int epochs,
      @JsonProperty("warmup") int warmup,
      @JsonProperty("models") List<String> models) {

    /** Validates both counts and the list (the names are checked when the models load). */
    public Bench {
      Checks.atLeast("bench.warmup", warmup, 0);
      Checks.atLeast("bench.epochs", epochs, 1);
      Checks.present("bench.models", models);
      if (models.isEmpty()) {
        throw new IllegalArgumentException("bench.models = []; must name at least one model");
      }
      models = List.copyOf(models);
    }
  }

  /** The dataset group: its name. */
  public record DatasetConfig(@JsonProperty("name") String name) {

    /** Checks the name against the known datasets. */
    public DatasetConfig {
      UciDataset.of(name);
    }

    public UciDataset dataset() {
      return UciDataset.of(name);
    }
  }

  /** Output locations: results go under {@code <root_dir>/experiments/}. */
  public record Paths(@JsonProperty("root_dir") String rootDir) {

    /** Checks that the root is named. */
    public Paths {
      if (rootDir == null || rootDir.isBlank()) {
        throw new IllegalArgumentException(
            "paths.root_dir = '" + rootDir + "'; must name a folder");
      }
    }
  }

  /** The workers to use: {@link #workers()}, or the machine's cores when it is 0. */
  public int effectiveWorkers() {
    return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
  }
}
