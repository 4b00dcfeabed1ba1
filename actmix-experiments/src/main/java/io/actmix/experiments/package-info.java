/**
 * The experiment suite: configuration, the UCI datasets through DataVec ({@link
 * io.actmix.experiments.data}), fold plans ({@link io.actmix.experiments.folds}), training and
 * cross-validation of the four compared models, metrics and results files.
 */
package io.actmix.experiments;
