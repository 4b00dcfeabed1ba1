package io.actmix.experiments.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.ActionableFailure;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.results.CvResults;
import io.actmix.experiments.results.FoldResult;
import io.actmix.experiments.study.CellSpec;
import io.actmix.experiments.study.CellStore;
import io.actmix.experiments.study.LocalEngine;
import io.actmix.experiments.study.ModelKind;
import io.actmix.experiments.study.NetworkKind;
import io.actmix.experiments.study.StoredCell;
import io.actmix.experiments.study.StudyData;
import io.actmix.experiments.study.StudyPlan;
import io.actmix.experiments.study.StudyRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train-cv}: k-fold cross-validation of one model on the dataset's fold plan, as a study of
 * one configuration whose cells are its folds: each fold is stored in {@code
 * <root_dir>/studies/cv/cells/} as it finishes, so an interrupted run resumes with the folds it had
 * not finished, and a fold already computed with the same settings is not trained again. The folds
 * run side by side on {@code workers} threads; each draws every random number from the seed in its
 * own thread, so the results do not depend on the number of workers.
 */
public final class CrossValidation {

  static final String FOLD_PLAN = "fold_plan.json";

  /** The study that holds the cells of {@code train-cv} and {@code train-cv-all}. */
  static final String STUDY = "cv";

  private CrossValidation() {}

  /** Cross-validates the network of the experiment's configuration. */
  static CvResults run(Experiment experiment, FoldPlan plan) {
    ExperimentConfig config = experiment.config();
    String model = config.model().name();
    return run(
        experiment, plan, new NetworkKind(List.of(model)), model, NetworkKind.settings(config));
  }

  /**
   * Cross-validates {@code model}, of {@code kind} with {@code settings}, on {@code plan}: writes
   * {@code experiments/<model>_<dataset>/} ({@value #FOLD_PLAN}, {@code cv_results.json}, the
   * configuration) and prints the summary table.
   */
  public static CvResults run(
      Experiment experiment, FoldPlan plan, ModelKind kind, String model, ObjectNode settings) {
    ExperimentConfig config = experiment.config();
    String dataset = experiment.dataset().label();
    Path directory = Experiment.prepare(experiment.runDirectory(model), config);
    plan.write(directory.resolve(FOLD_PLAN));
    int workers = Math.min(config.effectiveWorkers(), plan.k());
    experiment
        .out()
        .printf(
            Locale.ROOT,
            "Cross-validating %s on %s: %d folds, %d worker(s), fold plan %s%n",
            model,
            dataset,
            plan.k(),
            workers,
            plan.digest().substring(0, 12));
    long start = System.nanoTime();
    StudyPlan.Configuration configuration =
        new StudyPlan.Configuration(dataset, model, kind, Map.of(), config.seed(), settings);
    StudyPlan study = StudyPlan.of(plan.k(), List.of(configuration));
    StudyData data =
        new StudyData(
            Map.of(dataset, experiment.table()),
            Map.of(),
            Map.of(StudyPlan.planKey(dataset, config.seed()), plan));
    CellStore store = new CellStore(Path.of(config.paths().rootDir()), STUDY);
    StudyRunner.Report report;
    try (LocalEngine engine = new LocalEngine(workers)) {
      report =
          new StudyRunner(store, engine, experiment.out())
              .run(model + " on " + dataset, study, data);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cross-validation of " + model + " was interrupted", e);
    }
    List<FoldResult> folds = new ArrayList<>();
    for (CellSpec cell : study.cells(data.plans())) {
      StoredCell stored = store.cell(cell.key());
      if (stored == null) {
        throw new ActionableFailure(
            "Cross-validation of "
                + model
                + " on "
                + dataset
                + ": "
                + report.failed()
                + " fold(s) failed, the first with: "
                + store.failure(cell.key())
                + "; the other folds are kept in "
                + store.directory()
                + ", run the same command again to retry");
      }
      folds.add(
          new FoldResult(
              cell.fold(),
              stored.outcome().metrics(),
              stored.outcome().epochsTrained(),
              stored.outcome().bestEpoch(),
              stored.outcome().seconds()));
    }
    CvResults results =
        CvResults.of(
            dataset,
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
}
