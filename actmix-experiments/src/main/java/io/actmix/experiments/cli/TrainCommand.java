package io.actmix.experiments.cli;

import io.actmix.experiments.analysis.MixingHistoryFile;
import io.actmix.experiments.data.Task;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.results.CvResults;
import io.actmix.experiments.training.Trainer;
import io.actmix.experiments.training.TrainingRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train}: one run on the single 80/10/10 split. Writes to {@code
 * experiments/<model>_<dataset>/} the fold plan, the resolved configuration, the checkpoints {@code
 * best.zip} and {@code last.zip} with the fitted preprocessing, the history of every epoch, and
 * {@code test_results.json}.
 */
final class TrainCommand {

  static final String TEST_RESULTS = "test_results.json";
  static final String HISTORY = "history.json";

  private TrainCommand() {}

  static TrainingRun run(Experiment experiment) {
    var config = experiment.config();
    var table = experiment.table();
    String model = config.model().name();
    FoldPlan plan = experiment.holdoutPlan();
    Path directory = Experiment.prepare(experiment.runDirectory(model), config);
    plan.write(directory.resolve("fold_plan.json"));
    var fold = plan.fold(0);
    experiment
        .out()
        .printf(
            Locale.ROOT,
            "Training %s on %s: %d train, %d validation, %d test rows; seed %d%n",
            model,
            experiment.dataset().label(),
            fold.train().length,
            fold.validation().length,
            fold.test().length,
            config.seed());
    TrainingRun run;
    try (Progress progress =
        Progress.of(
            model, experiment.dataset().task(), config.training().maxEpochs(), experiment.out())) {
      run = new Trainer(config).fit(table, fold, directory.resolve("checkpoints"), progress);
    }
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("dataset", experiment.dataset().label());
    results.put("model", model);
    results.put("seed", config.seed());
    results.put("fold_plan_digest", plan.digest());
    results.put("best_epoch", run.bestEpoch());
    results.put("epochs_trained", run.epochsTrained());
    results.put("best_validation_loss", run.bestValidationLoss());
    results.put("seconds", run.seconds());
    results.put("metrics", run.testMetrics());
    CvResults.writeJson(directory.resolve(TEST_RESULTS), results);
    CvResults.writeJson(directory.resolve(HISTORY), run.history());
    if (!run.mixingHistory().isEmpty()) {
      MixingHistoryFile.write(
          directory.resolve("checkpoints").resolve(MixingHistoryFile.FILE_NAME),
          run.mixingHistory());
    }
    report(experiment, run, directory);
    return run;
  }

  private static void report(Experiment experiment, TrainingRun run, Path directory) {
    Map<String, Double> metrics = run.testMetrics();
    var out = experiment.out();
    out.printf(
        Locale.ROOT,
        "Best epoch %d of %d trained (validation loss %.5f), %.1f s%n",
        run.bestEpoch() + 1,
        run.epochsTrained(),
        run.bestValidationLoss(),
        run.seconds());
    if (experiment.dataset().task() == Task.REGRESSION) {
      out.printf(
          Locale.ROOT,
          "Test RMSE %.3f MW, MAE %.3f MW, R² %.4f%n",
          metrics.get("rmse"),
          metrics.get("mae"),
          metrics.get("r2"));
    } else {
      out.printf(
          Locale.ROOT,
          "Test accuracy %.4f, macro F1 %.4f, ROC AUC %.4f, log loss %.4f%n",
          metrics.get("accuracy"),
          metrics.get("f1_macro"),
          metrics.get("roc_auc"),
          metrics.get("log_loss"));
    }
    out.println("Results in " + directory.resolve(TEST_RESULTS));
  }
}
