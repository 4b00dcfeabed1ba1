package io.actmix.experiments.cli;

import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.folds.Fold;
import io.actmix.experiments.results.CvResults;
import io.actmix.experiments.training.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bench}: training throughput of each model on a dataset's training split, one native
 * thread: seconds per epoch (median of the timed epochs) and samples per second. Writes {@code
 * experiments/bench/<dataset>.json}.
 *
 * <p>The models train side by side, one network each, in rounds of one epoch per model: first
 * {@code bench.warmup} untimed rounds, then {@code bench.epochs} timed ones. Warming every model up
 * before timing any matters because HotSpot compiles a method with its optimizing compiler after
 * thousands of calls, and DL4J's per-iteration code is called a few times per minibatch: without it
 * the first model timed would pay for compiling what all four share, and each network's first
 * epochs for sizing its workspaces. Interleaving the timed epochs matters on a shared machine:
 * every model meets the same slow and fast minutes, instead of one model meeting all of a bad
 * minute.
 *
 * <p>Each round runs the models in an order of its own, a permutation drawn from the round's index:
 * the models share one heap, a young collection pauses whichever model's epoch fills it, and each
 * epoch starts in the caches the one before it left. In a fixed order both could favour or burden
 * the same model round after round; in shuffled rounds they fall on the models at random.
 */
final class BenchCommand {

  private BenchCommand() {}

  static List<Map<String, Object>> run(Experiment experiment, List<ExperimentConfig> models) {
    ExperimentConfig config = experiment.config();
    Fold fold = experiment.holdoutPlan().fold(0);
    int epochs = config.bench().epochs();
    int warmup = config.bench().warmup();
    experiment
        .out()
        .printf(
            Locale.ROOT,
            "Bench on %s: %d training rows, batch %d, hidden %s, 1 native thread, median of %d"
                + " epochs after %d warm-up epochs, the models interleaved epoch by epoch%n",
            experiment.dataset().label(),
            fold.train().length,
            config.training().batchSize(),
            config.model().hiddenSizes(),
            epochs,
            warmup);
    List<Trainer.EpochTimer> timers = new ArrayList<>();
    for (ExperimentConfig model : models) {
      timers.add(new Trainer(model).epochTimer(experiment.table(), fold));
    }
    experiment.out().printf(Locale.ROOT, "%d warm-up rounds%n", warmup);
    for (int round = 0; round < warmup; round++) {
      for (int m : roundOrder(-1 - round, timers.size())) {
        timers.get(m).trainEpoch();
      }
    }
    double[][] seconds = new double[models.size()][epochs];
    for (int round = 0; round < epochs; round++) {
      for (int m : roundOrder(round, timers.size())) {
        seconds[m][round] = timers.get(m).trainEpoch();
      }
      experiment.out().printf(Locale.ROOT, "timed round %d/%d%n", round + 1, epochs);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      ExperimentConfig model = models.get(m);
      double median = median(seconds[m]);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("model", model.model().name());
      row.put("median_epoch_s", median);
      row.put("samples_per_s", fold.train().length / median);
      row.put("epoch_seconds", seconds[m]);
      rows.add(row);
      experiment
          .out()
          .printf(
              Locale.ROOT,
              "%-11s %8.3f s/epoch %10.0f samples/s%n",
              model.model().name(),
              median,
              fold.train().length / median);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("dataset", experiment.dataset().label());
    report.put("train_rows", fold.train().length);
    report.put("batch_size", config.training().batchSize());
    report.put("hidden_sizes", config.model().hiddenSizes());
    report.put("native_threads", 1);
    report.put("epochs", epochs);
    report.put("warmup", warmup);
    report.put("models", rows);
    Path file =
        experiment
            .experimentsDirectory()
            .resolve("bench")
            .resolve(experiment.dataset().label() + ".json");
    CvResults.writeJson(file, report);
    experiment.out().println("Results in " + file);
    return rows;
  }

  /**
   * The order in which round {@code round} (negative for the warm-up rounds) runs {@code count}
   * models: a permutation of {@code 0 … count − 1} shuffled (Fisher–Yates) by a generator seeded
   * with the round, the same in every run. {@link SplittableRandom}, not {@code java.util.Random}:
   * the first draws of {@code Random}s seeded with consecutive numbers agree, and would put the
   * same model last in every round.
   */
  static List<Integer> roundOrder(int round, int count) {
    List<Integer> order = new ArrayList<>(count);
    for (int m = 0; m < count; m++) {
      order.add(m);
    }
    SplittableRandom random = new SplittableRandom(ROUND_ORDER_SEED + round);
    for (int i = count - 1; i > 0; i--) {
      Collections.swap(order, i, random.nextInt(i + 1));
    }
    return order;
  }

  /** Seeds {@link #roundOrder}'s permutations: any fixed value. */
  private static final long ROUND_ORDER_SEED = 0x5eed_0f_b3_4c_4L;

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
