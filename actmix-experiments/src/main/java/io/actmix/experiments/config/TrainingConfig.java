package io.actmix.experiments.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Training settings (SPEC §3) and the ActMix schedules (SPEC §1); defaults in {@code
 * config/training/default.yaml}.
 *
 * @param maxEpochs the most epochs a run trains
 * @param batchSize rows per minibatch
 * @param learningRate Adam's initial learning rate
 * @param weightDecay decoupled weight decay (AdamW), on every trainable parameter
 * @param minLrRatio the cosine schedule ends at {@code learningRate * minLrRatio}
 * @param gradientClipNorm the largest global L2 norm of the gradient
 * @param earlyStoppingPatience epochs without a better validation loss before stopping
 * @param temperature the ActMix temperature schedule
 * @param entropyRegularization the ActMix entropy-weight schedule
 */
public record TrainingConfig(
    @JsonProperty("max_epochs") int maxEpochs,
    @JsonProperty("batch_size") int batchSize,
    @JsonProperty("learning_rate") double learningRate,
    @JsonProperty("weight_decay") double weightDecay,
    @JsonProperty("min_lr_ratio") double minLrRatio,
    @JsonProperty("gradient_clip_norm") double gradientClipNorm,
    @JsonProperty("early_stopping_patience") int earlyStoppingPatience,
    @JsonProperty("temperature") Temperature temperature,
    @JsonProperty("entropy_regularization") EntropyRegularization entropyRegularization) {

  /** Validates every field. */
  public TrainingConfig {
    Checks.atLeast("training.max_epochs", maxEpochs, 1);
    Checks.atLeast("training.batch_size", batchSize, 1);
    Checks.positive("training.learning_rate", learningRate);
    Checks.nonNegative("training.weight_decay", weightDecay);
    Checks.positive("training.min_lr_ratio", minLrRatio);
    if (minLrRatio > 1) {
      throw new IllegalArgumentException(
          "training.min_lr_ratio = " + minLrRatio + "; must be <= 1");
    }
    Checks.positive("training.gradient_clip_norm", gradientClipNorm);
    Checks.atLeast("training.early_stopping_patience", earlyStoppingPatience, 1);
    Checks.present("training.temperature", temperature);
    Checks.present("training.entropy_regularization", entropyRegularization);
  }

  /**
   * The temperature schedule {@code T(e) = initial + min(e / anneal_epochs, 1) · (final −
   * initial)}.
   */
  public record Temperature(
      @JsonProperty("initial") double initial,
      @JsonProperty("final") double end,
      @JsonProperty("anneal_epochs") int annealEpochs) {

    /** Validates every field. */
    public Temperature {
      Checks.positive("training.temperature.initial", initial);
      Checks.positive("training.temperature.final", end);
      Checks.atLeast("training.temperature.anneal_epochs", annealEpochs, 0);
    }
  }

  /** The entropy-weight schedule {@code λ(e) = lambda_max · min(e / warmup_epochs, 1)}. */
  public record EntropyRegularization(
      @JsonProperty("lambda_max") double lambdaMax,
      @JsonProperty("warmup_epochs") int warmupEpochs) {

    /** Validates every field. */
    public EntropyRegularization {
      Checks.nonNegative("training.entropy_regularization.lambda_max", lambdaMax);
      Checks.atLeast("training.entropy_regularization.warmup_epochs", warmupEpochs, 0);
    }
  }
}
