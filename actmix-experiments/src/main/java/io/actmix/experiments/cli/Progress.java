package io.actmix.experiments.cli;

import io.actmix.experiments.data.Task;
import io.actmix.experiments.training.EpochRecord;
import io.actmix.experiments.training.Trainer;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the epochs of one training run: a progress bar with epoch, losses, the validation metric,
 * T, λ and the time left on a terminal; one plain line per epoch otherwise.
 */
final class Progress implements Trainer.EpochObserver, AutoCloseable {

  private final String name;
  private final Task task;
  private final ProgressBar bar;
  private final PrintStream log;

  private Progress(String name, Task task, ProgressBar bar, PrintStream log) {
    this.name = name;
    this.task = task;
    this.bar = bar;
    this.log = log;
  }

  /** A bar when standard output is a terminal, log lines on {@code log} otherwise. */
  static Progress of(String name, Task task, int maxEpochs, PrintStream log) {
    if (System.console() == null) {
      return new Progress(name, task, null, log);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(name)
            .setInitialMax(maxEpochs)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500)
            .setUnit(" epochs", 1)
            .build();
    return new Progress(name, task, bar, log);
  }

  @Override
  public void onEpoch(EpochRecord record) {
    String summary = describe(task, record);
    if (bar != null) {
      bar.stepTo(record.epoch() + 1);
      bar.setExtraMessage(summary);
    } else {
      log.println(name + " epoch " + (record.epoch() + 1) + ": " + summary);
    }
  }

  /** {@code train 0.0312 val 0.0290 rmse 3.91 MW T 0.934 λ 0.0004}, for example. */
  static String describe(Task task, EpochRecord record) {
    String metric =
        task == Task.REGRESSION
            ? String.format(Locale.ROOT, "rmse %.3f", record.validationMetric())
            : String.format(Locale.ROOT, "acc %.4f", record.validationMetric());
    String actMix =
        Double.isNaN(record.temperature())
            ? ""
            : String.format(Locale.ROOT, " T %.3f λ %.4f", record.temperature(), record.lambda());
    return String.format(
            Locale.ROOT, "train %.4f val %.4f ", record.trainLoss(), record.validationLoss())
        + metric
        + actMix;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
