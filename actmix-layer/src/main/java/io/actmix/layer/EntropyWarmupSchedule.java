package io.actmix.layer;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Linear warm-up of the entropy weight over epochs, counted from 0:
 *
 * <pre>
 *   λ(epoch) = λ_max · min(epoch / warmupEpochs, 1)
 * </pre>
 *
 * <p>With {@code warmupEpochs = 0} the weight is {@code λ_max} from epoch 0. The iteration argument
 * of {@link #valueAt} is ignored.
 *
 * @param lambdaMax the weight from epoch {@code warmupEpochs} on; finite and &ge; 0
 * @param warmupEpochs epochs from 0 to {@code lambdaMax}; &ge; 0
 */
public record EntropyWarmupSchedule(double lambdaMax, int warmupEpochs) implements ISchedule {

  /** Default maximum entropy weight. */
  public static final double DEFAULT_LAMBDA_MAX = 0.01;

  /** Default number of warm-up epochs. */
  public static final int DEFAULT_WARMUP_EPOCHS = 50;

  /** Validates every argument. */
  public EntropyWarmupSchedule {
    Checks.nonNegative("EntropyWarmupSchedule", "lambdaMax", lambdaMax);
    Checks.nonNegative("EntropyWarmupSchedule", "warmupEpochs", warmupEpochs);
  }

  /** The schedule of the specification: 0 → 0.01 over 50 epochs. */
  public static EntropyWarmupSchedule defaults() {
    return new EntropyWarmupSchedule(DEFAULT_LAMBDA_MAX, DEFAULT_WARMUP_EPOCHS);
  }

  @Override
  public double valueAt(int iteration, int epoch) {
    double progress = warmupEpochs == 0 ? 1.0 : Math.min(epoch / (double) warmupEpochs, 1.0);
    return lambdaMax * progress;
  }

  /** The schedule is immutable: the clone is the schedule itself. */
  @Override
  public ISchedule clone() {
    return this;
  }
}
