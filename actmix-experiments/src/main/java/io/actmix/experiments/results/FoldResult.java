package io.actmix.experiments.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one fold.
 *
 * @param fold the fold, from 0
 * @param metrics the test metrics by name, in the target's unit
 * @param epochsTrained epochs trained (0 for models without epochs)
 * @param bestEpoch the epoch restored (-1 for models without epochs)
 * @param seconds wall time of the fold
 */
public record FoldResult(
    @JsonProperty("fold") int fold,
    @JsonProperty("metrics") Map<String, Double> metrics,
    @JsonProperty("epochs_trained") int epochsTrained,
    @JsonProperty("best_epoch") int bestEpoch,
    @JsonProperty("seconds") double seconds) {

  /** Keeps the metrics in their order. */
  public FoldResult {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
