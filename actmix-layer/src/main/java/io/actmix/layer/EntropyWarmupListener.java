package io.actmix.layer;

import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Sets the entropy weight at the start of each epoch: with {@code λ = schedule.valueAt(iteration,
 * epoch)} and {@code L} ActMix layers, every layer gets {@code λ_l = λ / L}, so that the training
 * loss holds {@code λ · (1/L) Σ_l H̄_l}: λ times the model entropy, the mean over layers of each
 * layer's mean neuron entropy.
 *
 * <p>For a constant λ, pass {@code new EntropyWarmupSchedule(λ, 0)}.
 */
public final class EntropyWarmupListener extends BaseTrainingListener {

  private final ISchedule schedule;

  /** Warms up by the specification's default schedule, 0 → 0.01 over 50 epochs. */
  public EntropyWarmupListener() {
    this(EntropyWarmupSchedule.defaults());
  }

  /**
   * @param schedule λ per epoch, for example an {@link EntropyWarmupSchedule}
   */
  public EntropyWarmupListener(ISchedule schedule) {
    this.schedule = Objects.requireNonNull(schedule, "EntropyWarmupListener: schedule");
  }

  /** The schedule this listener applies. */
  public ISchedule schedule() {
    return schedule;
  }

  @Override
  public void onEpochStart(Model model) {
    double lambda = schedule.valueAt(ActMixLayers.iterationOf(model), ActMixLayers.epochOf(model));
    List<MixingLayer> layers = ActMixLayers.requireSome(model, "EntropyWarmupListener");
    for (MixingLayer layer : layers) {
      layer.setEntropyWeight(lambda / layers.size());
    }
  }
}
