package io.actmix.experiments.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished cell as its file holds it: {@code cells/<key>.json}.
 *
 * @param key the cell's key
 * @param dataset the dataset
 * @param model the model
 * @param point the grid point, axis by axis
 * @param seed the seed
 * @param fold the fold, from 0
 * @param foldPlanDigest the fold plan's digest
 * @param configuration the resolved settings that made its numbers
 * @param outcome its test metrics, validation loss and metric, epochs, seconds and mixing
 */
public record StoredCell(
    @JsonProperty("key") String key,
    @JsonProperty("dataset") String dataset,
    @JsonProperty("model") String model,
    @JsonProperty("point") Map<String, String> point,
    @JsonProperty("seed") long seed,
    @JsonProperty("fold") int fold,
    @JsonProperty("fold_plan_digest") String foldPlanDigest,
    @JsonProperty("configuration") ObjectNode configuration,
    @JsonProperty("outcome") CellOutcome outcome) {

  /** Keeps the grid point in axis order. */
  public StoredCell {
    point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
  }
}
