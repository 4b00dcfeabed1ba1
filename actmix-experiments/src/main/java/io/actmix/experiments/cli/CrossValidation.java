package io.actmix.experiments.cli;

import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.folds.Fold;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.results.CvResults;
import io.actmix.experiments.results.FoldResult;
import io.actmix.experiments.training.Trainer;
import io.actmix.experiments.training.TrainingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code train-cv}: k-fold cross-validation of one model on the dataset's fold plan, folds trained
 * side by side by {@code workers} threads. Each fold draws every random number from the seed in its
 * own thread, so the results do not depend on the number of workers.
 */
final class CrossValidation {

  static final String FOLD_PLAN = "fold_plan.json";

  private CrossValidation() {}

  static CvResults run(Experiment experiment, FoldPlan plan) {
    ExperimentConfig config = experiment.config();
    String model = config.model().name();
    Path directory = Experiment.prepare(experiment.runDirectory(model), config);
    plan.write(directory.resolve(FOLD_PLAN));
    int workers = Math.min(config.effectiveWorkers(), plan.k());
    experiment
        .out()
        .printf(
            Locale.ROOT,
            "Cross-validating %s on %s: %d folds, %d worker(s), fold plan %s%n",
            model,
            experiment.dataset().label(),
            plan.k(),
            workers,
            plan.digest().substring(0, 12));
    long start = System.nanoTime();
    Trainer trainer = new Trainer(config);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<FoldResult> folds = new ArrayList<>();
    try {
      List<Future<FoldResult>> futures = new ArrayList<>();
      for (Fold fold : plan.folds()) {
        futures.add(pool.submit(() -> fit(experiment, trainer, fold, plan.k())));
      }
      for (Future<FoldResult> future : futures) {
        folds.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cross-validation of " + model + " was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(cause.getMessage(), cause);
    } finally {
      pool.shutdownNow();
    }
    CvResults results =
        CvResults.of(
            experiment.dataset().label(),
            model,
            config.seed(),
            plan.digest(),
            workers,
            (System.nanoTime() - start) / 1e9,
            folds);
    results.write(directory.resolve(CvResults.FILE_NAME));
    experiment.out().println();
    experiment.out().print(Tables.summary(results));
    experiment
        .out()
        .printf(
            Locale.ROOT,
            "%s: %.1f s wall time; results in %s%n",
            model,
            results.wallSeconds(),
            directory.resolve(CvResults.FILE_NAME));
    return results;
  }

  private static FoldResult fit(Experiment experiment, Trainer trainer, Fold fold, int k) {
    NativeRuntime.configure();
    TrainingRun run = trainer.fit(experiment.table(), fold, null, record -> {});
    String key =
        experiment.table().dataset().task() == io.actmix.experiments.data.Task.REGRESSION
            ? "rmse"
            : "accuracy";
    synchronized (experiment.out()) {
      experiment
          .out()
          .printf(
              Locale.ROOT,
              "  fold %d/%d: %s %.4f, best epoch %d of %d, %.1f s%n",
              fold.index() + 1,
              k,
              key,
              run.testMetrics().get(key),
              run.bestEpoch() + 1,
              run.epochsTrained(),
              run.seconds());
    }
    return new FoldResult(
        fold.index(), run.testMetrics(), run.epochsTrained(), run.bestEpoch(), run.seconds());
  }
}
