package io.actmix.experiments.training;

import io.actmix.experiments.data.Preprocessing;
import io.actmix.layer.MixingSnapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The outcome of training one network on one fold.
 *
 * @param network the network with the best epoch's parameters restored
 * @param preprocessing the preprocessing fitted on the fold's training rows
 * @param history one record per epoch trained
 * @param bestEpoch the epoch with the lowest validation loss
 * @param testMetrics the metrics on the fold's test rows, in the target's unit
 * @param seconds wall time of the whole fit, preprocessing and testing included
 * @param mixingHistory for ActMix models, the mixing at the end of every epoch; else empty
 */
public record TrainingRun(
    MultiLayerNetwork network,
    Preprocessing preprocessing,
    List<EpochRecord> history,
    int bestEpoch,
    Map<String, Double> testMetrics,
    double seconds,
    List<MixingSnapshot> mixingHistory) {

  /** Copies the lists. */
  public TrainingRun {
    history = List.copyOf(history);
    mixingHistory = List.copyOf(mixingHistory);
    testMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(testMetrics));
  }

  /** The number of epochs trained, the patience after the best one included. */
  public int epochsTrained() {
    return history.size();
  }

  /** The lowest validation loss seen, that of {@link #bestEpoch()}. */
  public double bestValidationLoss() {
    return history.get(bestEpoch).validationLoss();
  }
}
