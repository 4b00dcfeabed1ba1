package io.actmix.experiments.training;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one epoch did.
 *
 * @param epoch the epoch, from 0
 * @param trainLoss the mean minibatch score (task loss plus penalties) over the epoch
 * @param validationLoss the task loss on the validation rows (standardized target for regression,
 *     cross-entropy for classification), without penalties
 * @param validationMetric RMSE in the target's unit (regression) or accuracy (classification)
 * @param temperature the ActMix temperature during the epoch (NaN for other models)
 * @param lambda the ActMix entropy weight λ during the epoch (NaN for other models)
 * @param learningRate the learning rate during the epoch
 * @param seconds wall time of the epoch, validation included
 */
public record EpochRecord(
    @JsonProperty("epoch") int epoch,
    @JsonProperty("train_loss") double trainLoss,
    @JsonProperty("validation_loss") double validationLoss,
    @JsonProperty("validation_metric") double validationMetric,
    @JsonProperty("temperature") double temperature,
    @JsonProperty("lambda") double lambda,
    @JsonProperty("learning_rate") double learningRate,
    @JsonProperty("seconds") double seconds) {}
