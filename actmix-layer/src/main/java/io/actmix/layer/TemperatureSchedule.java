package io.actmix.layer;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Linear annealing of the softmax temperature over epochs, counted from 0:
 *
 * <pre>
 *   T(epoch) = T_initial + min(epoch / annealEpochs, 1) · (T_final − T_initial)
 * </pre>
 *
 * <p>With {@code annealEpochs = 0} the temperature is {@code T_final} from epoch 0. The iteration
 * argument of {@link #valueAt} is ignored.
 *
 * @param initialTemperature {@code T} at epoch 0; finite and &gt; 0
 * @param finalTemperature {@code T} from epoch {@code annealEpochs} on; finite and &gt; 0
 * @param annealEpochs epochs from the initial to the final temperature; &ge; 0
 */
public record TemperatureSchedule(
    double initialTemperature, double finalTemperature, int annealEpochs) implements ISchedule {

  /** Default initial temperature, the layer's own default. */
  public static final double DEFAULT_INITIAL_TEMPERATURE = ActMixLayer.DEFAULT_TEMPERATURE;

  /** Default final temperature. */
  public static final double DEFAULT_FINAL_TEMPERATURE = 0.01;

  /** Default number of annealing epochs. */
  public static final int DEFAULT_ANNEAL_EPOCHS = 150;

  /** Validates every argument. */
  public TemperatureSchedule {
    Checks.positive("TemperatureSchedule", "initialTemperature", initialTemperature);
    Checks.positive("TemperatureSchedule", "finalTemperature", finalTemperature);
    Checks.nonNegative("TemperatureSchedule", "annealEpochs", annealEpochs);
  }

  /** The schedule of the specification: 1.0 → 0.01 over 150 epochs. */
  public static TemperatureSchedule defaults() {
    return new TemperatureSchedule(
        DEFAULT_INITIAL_TEMPERATURE, DEFAULT_FINAL_TEMPERATURE, DEFAULT_ANNEAL_EPOCHS);
  }

  @Override
  public double valueAt(int iteration, int epoch) {
    double progress = annealEpochs == 0 ? 1.0 : Math.min(epoch / (double) annealEpochs, 1.0);
    // The same line as the formula above, written so that both ends are exact.
    return (1.0 - progress) * initialTemperature + progress * finalTemperature;
  }

  /** The schedule is immutable: the clone is the schedule itself. */
  @Override
  public ISchedule clone() {
    return this;
  }
}
