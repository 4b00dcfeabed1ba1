/**
 * Fold plans: which rows every model trains, validates and tests on. One plan, written beside the
 * results with its digest, feeds the networks and XGBoost alike.
 */
package io.actmix.experiments.folds;
