package io.actmix.experiments.training;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Cosine annealing of the learning rate over epochs (PyTorch's {@code CosineAnnealingLR} with
 * {@code T_max = totalEpochs}, stepped once per epoch):
 *
 * <pre>
 *   lr(e) = lr_min + (lr_0 − lr_min) · (1 + cos(π · min(e, E) / E)) / 2,   lr_min = lr_0 · ratio
 * </pre>
 *
 * @param initial {@code lr_0}, the rate at epoch 0; finite and &gt; 0
 * @param minRatio {@code lr_min / lr_0}; in (0, 1]
 * @param totalEpochs {@code E}, the epoch at which the rate reaches {@code lr_min}; &ge; 1
 */
public record CosineSchedule(double initial, double minRatio, int totalEpochs)
    implements ISchedule {

  /** Validates every argument. */
  public CosineSchedule {
    if (!Double.isFinite(initial) || initial <= 0) {
      throw new IllegalArgumentException("CosineSchedule: initial = " + initial + "; must be > 0");
    }
    if (!(minRatio > 0 && minRatio <= 1)) {
      throw new IllegalArgumentException(
          "CosineSchedule: minRatio = " + minRatio + "; must be in (0, 1]");
    }
    if (totalEpochs < 1) {
      throw new IllegalArgumentException(
          "CosineSchedule: totalEpochs = " + totalEpochs + "; must be >= 1");
    }
  }

  @Override
  public double valueAt(int iteration, int epoch) {
    double minimum = initial * minRatio;
    double progress = Math.min(epoch, totalEpochs) / (double) totalEpochs;
    return minimum + (initial - minimum) * (1 + Math.cos(Math.PI * progress)) / 2;
  }

  /** The schedule is immutable: the clone is the schedule itself. */
  @Override
  public ISchedule clone() {
    return this;
  }
}
