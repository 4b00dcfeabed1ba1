package io.actmix.experiments.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.metrics.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-validation of one model on one dataset: {@code cv_results.json}. The networks and
 * XGBoost write the same schema, and the fold plan's digest says which folds they used.
 *
 * @param dataset the dataset's name
 * @param model the model's name
 * @param seed the seed of the run
 * @param cvFolds the number of folds
 * @param foldPlanDigest the digest of the {@code fold_plan.json} the folds came from
 * @param workers folds trained in parallel
 * @param wallSeconds wall time of the whole cross-validation
 * @param folds every fold's result, in fold order
 * @param aggregates every metric's summary over folds, in metric order
 */
public record CvResults(
    @JsonProperty("dataset") String dataset,
    @JsonProperty("model") String model,
    @JsonProperty("seed") long seed,
    @JsonProperty("cv_folds") int cvFolds,
    @JsonProperty("fold_plan_digest") String foldPlanDigest,
    @JsonProperty("workers") int workers,
    @JsonProperty("wall_seconds") double wallSeconds,
    @JsonProperty("folds") List<FoldResult> folds,
    @JsonProperty("aggregates") Map<String, Summary> aggregates) {

  /** The file name of cross-validation results. */
  public static final String FILE_NAME = "cv_results.json";

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Keeps lists and maps in order. */
  public CvResults {
    folds = List.copyOf(folds);
    aggregates = Collections.unmodifiableMap(new LinkedHashMap<>(aggregates));
  }

  /** Results with aggregates computed from {@code folds}. */
  public static CvResults of(
      String dataset,
      String model,
      long seed,
      String foldPlanDigest,
      int workers,
      double wallSeconds,
      List<FoldResult> folds) {
    Map<String, Summary> aggregates = new LinkedHashMap<>();
    for (String metric : folds.get(0).metrics().keySet()) {
      List<Double> values = new ArrayList<>();
      folds.forEach(fold -> values.add(fold.metrics().get(metric)));
      aggregates.put(metric, Summary.of(values));
    }
    return new CvResults(
        dataset,
        model,
        seed,
        folds.size(),
        foldPlanDigest,
        workers,
        wallSeconds,
        folds,
        aggregates);
  }

  /** Writes this to {@code file} atomically. */
  public void write(Path file) {
    AtomicFiles.write(file, out -> JSON.writeValue(out, this));
  }

  /** Reads results written by {@link #write}. */
  public static CvResults read(Path file) {
    try {
      return JSON.readValue(Files.readString(file), CvResults.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          file + ": cannot be read as " + FILE_NAME + ": " + AtomicFiles.reason(e), e);
    }
  }

  /** Writes any value as indented JSON to {@code file}, atomically. */
  public static void writeJson(Path file, Object value) {
    AtomicFiles.write(file, out -> JSON.writeValue(out, value));
  }
}
