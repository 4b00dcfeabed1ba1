package io.actmix.experiments.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What training one cell gave.
 *
 * @param metrics every test metric of SPEC §5, in the target's unit
 * @param bestValidationLoss the inner validation split's task loss at the best epoch (for models
 *     without epochs, after training)
 * @param bestValidationMetric the validation RMSE (in the target's unit) or accuracy there
 * @param epochsTrained epochs trained, 0 for models without epochs
 * @param bestEpoch the epoch restored, from 0; -1 for models without epochs
 * @param seconds wall time of the cell
 * @param mixing for ActMix networks, what each ActMix layer ended with; else empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CellOutcome(
    @JsonProperty("metrics") Map<String, Double> metrics,
    @JsonProperty("best_validation_loss") double bestValidationLoss,
    @JsonProperty("best_validation_metric") double bestValidationMetric,
    @JsonProperty("epochs_trained") int epochsTrained,
    @JsonProperty("best_epoch") int bestEpoch,
    @JsonProperty("seconds") double seconds,
    @JsonProperty("mixing") List<LayerSummary> mixing) {

  /** Keeps the metrics in order and copies the lists. */
  public CellOutcome {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    mixing = mixing == null ? List.of() : List.copyOf(mixing);
  }

  /**
   * The mixing of one ActMix layer at the end of training.
   *
   * @param layer the layer's index in the network
   * @param dominantShare per basis, the fraction of neurons whose largest α is that basis
   * @param basisMass per basis, the mean of its α over neurons
   * @param meanEntropy the mean neuron entropy, in nats
   */
  public record LayerSummary(
      @JsonProperty("layer") int layer,
      @JsonProperty("dominant_share") Map<String, Double> dominantShare,
      @JsonProperty("basis_mass") Map<String, Double> basisMass,
      @JsonProperty("mean_entropy") double meanEntropy) {

    /** Keeps the maps in basis order. */
    public LayerSummary {
      dominantShare = Collections.unmodifiableMap(new LinkedHashMap<>(dominantShare));
      basisMass = Collections.unmodifiableMap(new LinkedHashMap<>(basisMass));
    }
  }
}
