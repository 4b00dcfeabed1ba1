package io.actmix.experiments.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cell of a study, planned: (dataset, resolved settings, seed, fold), with its key. Plain
 * values only, so that a cell travels to a Spark executor as it is.
 *
 * @param key the cell's {@linkplain CellKey key}
 * @param dataset the dataset's name
 * @param model the model's name
 * @param kind the {@linkplain ModelKind#name() kind} that trains it
 * @param point the grid point: each axis that applies to the model, with its value as written
 * @param seed the seed of the fold plan and of training
 * @param fold the fold's index, from 0
 * @param foldPlanDigest the digest of the fold plan the fold comes from
 * @param settings the settings as canonical JSON (keys sorted)
 */
public record CellSpec(
    @JsonProperty("key") String key,
    @JsonProperty("dataset") String dataset,
    @JsonProperty("model") String model,
    @JsonProperty("kind") String kind,
    @JsonProperty("point") Map<String, String> point,
    @JsonProperty("seed") long seed,
    @JsonProperty("fold") int fold,
    @JsonProperty("fold_plan_digest") String foldPlanDigest,
    @JsonProperty("settings") String settings)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Keeps the grid point in axis order. */
  public CellSpec {
    point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
  }

  /** A short description for progress lines: dataset, model, grid point, seed, fold. */
  public String label() {
    StringBuilder label = new StringBuilder(dataset).append(' ').append(model);
    point.forEach((axis, value) -> label.append(' ').append(axis).append('=').append(value));
    return label.append(" seed ").append(seed).append(" fold ").append(fold + 1).toString();
  }
}
