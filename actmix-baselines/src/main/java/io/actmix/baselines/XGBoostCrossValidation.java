package io.actmix.baselines;

import io.actmix.experiments.cli.CrossValidation;
import io.actmix.experiments.cli.Experiment;
import io.actmix.experiments.results.CvResults;

/**
 * XGBoost's k-fold cross-validation on the experiment's fold plan: the networks' fold loop ({@link
 * CrossValidation}) with {@link XGBoostKind}'s cells, stored and resumed as theirs are. Each fold's
 * booster trains on one thread, {@code workers} folds at a time.
 */
public final class XGBoostCrossValidation {

  /** The model name in results and folder names. */
  public static final String MODEL = XGBoostKind.NAME;

  private XGBoostCrossValidation() {}

  /**
   * Cross-validates XGBoost and writes {@code experiments/xgboost_<dataset>/}; the rounds, learning
   * rate and depth of {@code settings} apply (its threads do not: a cell has one).
   */
  public static CvResults run(Experiment experiment, XGBoostSettings settings) {
    var config = experiment.config();
    return CrossValidation.run(
        experiment,
        experiment.foldPlan(),
        new XGBoostKind(),
        MODEL,
        XGBoostKind.settings(
            experiment.dataset().label(), config.seed(), config.cvFolds(), settings));
  }
}
