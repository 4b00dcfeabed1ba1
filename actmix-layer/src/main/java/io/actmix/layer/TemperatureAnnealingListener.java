package io.actmix.layer;

import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Sets the temperature of every ActMix layer to {@code schedule.valueAt(iteration, epoch)} at the
 * start of each epoch. DL4J calls it from {@code fit(DataSetIterator)} and {@code fit(iterator,
 * nEpochs)}; a loop over {@code fit(DataSet)} calls no epoch listeners.
 */
public final class TemperatureAnnealingListener extends BaseTrainingListener {

  private final ISchedule schedule;

  /** Anneals by the specification's default schedule, 1.0 → 0.01 over 150 epochs. */
  public TemperatureAnnealingListener() {
    this(TemperatureSchedule.defaults());
  }

  /**
   * @param schedule the temperature per epoch, for example a {@link TemperatureSchedule}
   */
  public TemperatureAnnealingListener(ISchedule schedule) {
    this.schedule = Objects.requireNonNull(schedule, "TemperatureAnnealingListener: schedule");
  }

  /** The schedule this listener applies. */
  public ISchedule schedule() {
    return schedule;
  }

  @Override
  public void onEpochStart(Model model) {
    double temperature =
        schedule.valueAt(ActMixLayers.iterationOf(model), ActMixLayers.epochOf(model));
    for (MixingLayer layer : ActMixLayers.requireSome(model, "TemperatureAnnealingListener")) {
      layer.setTemperature(temperature);
    }
  }
}
