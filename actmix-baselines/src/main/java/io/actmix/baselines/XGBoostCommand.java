package io.actmix.baselines;

import io.actmix.experiments.cli.Command;
import io.actmix.experiments.cli.Experiment;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.data.UciDataset;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code xgboost}: XGBoost's cross-validation on every dataset, or on the one {@code dataset=}
 * names, each on the same fold plan as the networks for the same seed and {@code cv_folds}.
 */
public final class XGBoostCommand implements Command {

  @Override
  public String name() {
    return "xgboost";
  }

  @Override
  public String summary() {
    return "XGBoost cross-validation on all three datasets, or on dataset=";
  }

  @Override
  public void run(
      ConfigLoader loader, List<String> overrides, Map<String, String> env, PrintStream out) {
    boolean oneDataset = overrides.stream().anyMatch(o -> o.startsWith("dataset="));
    List<ExperimentConfig> configs = new ArrayList<>();
    for (String dataset : oneDataset ? List.of("") : UciDataset.labels()) {
      List<String> arguments = new ArrayList<>(overrides);
      if (!dataset.isEmpty()) {
        arguments.add("dataset=" + dataset);
      }
      configs.add(loader.load(arguments));
    }
    for (ExperimentConfig config : configs) {
      XGBoostCrossValidation.run(
          Experiment.of(config, env, out), XGBoostSettings.defaults(config.seed(), 1));
      out.println();
    }
  }
}
