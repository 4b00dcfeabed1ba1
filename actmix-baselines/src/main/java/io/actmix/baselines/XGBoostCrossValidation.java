package io.actmix.baselines;

import io.actmix.experiments.cli.Experiment;
import io.actmix.experiments.data.Preprocessing;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.Task;
import io.actmix.experiments.folds.Fold;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.results.CvResults;
import io.actmix.experiments.results.FoldResult;
import io.actmix.experiments.training.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.nd4j.linalg.dataset.DataSet;

/**
 * XGBoost's k-fold cross-validation on the experiment's fold plan: per fold, the preprocessing
 * fitted on the fold's training rows (as for the networks), a booster trained on those rows, and
 * the metrics of its predictions on the test rows. The validation rows are not used: XGBoost runs a
 * fixed number of rounds.
 */
public final class XGBoostCrossValidation {

  /** The model name in results and folder names. */
  public static final String MODEL = "xgboost";

  private XGBoostCrossValidation() {}

  /** Cross-validates XGBoost and writes {@code experiments/xgboost_<dataset>/}. */
  public static CvResults run(Experiment experiment, XGBoostSettings settings) {
    RawTable table = experiment.table();
    Task task = experiment.dataset().task();
    FoldPlan plan = experiment.foldPlan();
    Path directory = Experiment.prepare(experiment.runDirectory(MODEL), experiment.config());
    plan.write(directory.resolve("fold_plan.json"));
    experiment
        .out()
        .printf(
            Locale.ROOT,
            "XGBoost on %s: %d folds, %d rounds, %d thread(s), fold plan %s%n",
            experiment.dataset().label(),
            plan.k(),
            settings.rounds(),
            settings.threads(),
            plan.digest().substring(0, 12));
    long start = System.nanoTime();
    List<FoldResult> folds = new ArrayList<>();
    for (Fold fold : plan.folds()) {
      long foldStart = System.nanoTime();
      Preprocessing preprocessing = Preprocessing.fit(table, fold.train());
      DataSet train = preprocessing.apply(table, fold.train());
      DataSet test = preprocessing.apply(table, fold.test());
      Booster booster = XGBoostModel.fit(train, task, settings);
      Map<String, Double> metrics =
          Trainer.metrics(
              table, fold.test(), preprocessing, XGBoostModel.predict(booster, test, task));
      booster.dispose();
      double seconds = (System.nanoTime() - foldStart) / 1e9;
      folds.add(new FoldResult(fold.index(), metrics, 0, -1, seconds));
      String key = task == Task.REGRESSION ? "rmse" : "accuracy";
      experiment
          .out()
          .printf(
              Locale.ROOT,
              "  fold %d/%d: %s %.4f, %.1f s%n",
              fold.index() + 1,
              plan.k(),
              key,
              metrics.get(key),
              seconds);
    }
    CvResults results =
        CvResults.of(
            experiment.dataset().label(),
            MODEL,
            experiment.config().seed(),
            plan.digest(),
            settings.threads(),
            (System.nanoTime() - start) / 1e9,
            folds);
    results.write(directory.resolve(CvResults.FILE_NAME));
    return results;
  }
}
