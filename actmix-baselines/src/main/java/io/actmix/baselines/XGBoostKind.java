package io.actmix.baselines;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.data.Preprocessing;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.Task;
import io.actmix.experiments.folds.Fold;
import io.actmix.experiments.study.CellOutcome;
import io.actmix.experiments.study.ModelKind;
import io.actmix.experiments.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * XGBoost as a kind of cell (SPEC §6): preprocessing fitted on the fold's training rows, as for the
 * networks; a booster of a fixed number of rounds on those rows, on one thread; the validation
 * rows' loss and metric, which the booster does not use, for selection; the test rows' metrics.
 *
 * <p>Its settings: {@code dataset}, {@code seed}, {@code cv_folds} and {@code xgboost} (rounds,
 * learning rate, depth). No other key applies to it.
 */
public final class XGBoostKind implements ModelKind {

  /** The model's name, and this kind's. */
  public static final String NAME = "xgboost";

  /** The keys of the configuration that apply to XGBoost's cells. */
  static final List<String> KEYS = List.of("dataset", "seed", "cv_folds");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean trains(String model) {
    return model.equals(NAME);
  }

  @Override
  public boolean accepts(ConfigLoader loader, String model, String key) {
    return KEYS.contains(key);
  }

  @Override
  public ObjectNode settings(ConfigLoader loader, String model, List<String> overrides) {
    List<String> common = new ArrayList<>();
    for (String override : overrides) {
      if (KEYS.contains(override.substring(0, Math.max(0, override.indexOf('='))))) {
        common.add(override);
      }
    }
    ExperimentConfig config = loader.load(common);
    return settings(
        config.dataset().name(),
        config.seed(),
        config.cvFolds(),
        XGBoostSettings.defaults(config.seed(), 1));
  }

  /** The settings of an XGBoost cell. */
  static ObjectNode settings(String dataset, long seed, int cvFolds, XGBoostSettings xgboost) {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("dataset", dataset);
    tree.put("seed", seed);
    tree.put("cv_folds", cvFolds);
    tree.putObject("xgboost")
        .put("rounds", xgboost.rounds())
        .put("learning_rate", xgboost.learningRate())
        .put("max_depth", xgboost.maxDepth())
        .put("tree_method", "hist");
    return tree;
  }

  @Override
  public CellOutcome fit(ObjectNode settings, RawTable table, Fold fold) {
    long start = System.nanoTime();
    ObjectNode xgboost = (ObjectNode) settings.get("xgboost");
    XGBoostSettings parameters =
        new XGBoostSettings(
            xgboost.get("rounds").asInt(),
            xgboost.get("learning_rate").asDouble(),
            xgboost.get("max_depth").asInt(),
            1,
            settings.get("seed").asLong());
    Task task = table.dataset().task();
    Preprocessing preprocessing = Preprocessing.fit(table, fold.train());
    DataSet train = preprocessing.apply(table, fold.train());
    DataSet validation = preprocessing.apply(table, fold.validation());
    DataSet test = preprocessing.apply(table, fold.test());
    Booster booster = null;
    try {
      booster = XGBoostModel.fit(train, task, parameters);
      INDArray validationOutput = XGBoostModel.predict(booster, validation, task);
      Map<String, Double> validationMetrics =
          Trainer.metrics(table, fold.validation(), preprocessing, validationOutput);
      Map<String, Double> metrics =
          Trainer.metrics(
              table, fold.test(), preprocessing, XGBoostModel.predict(booster, test, task));
      return new CellOutcome(
          metrics,
          Trainer.taskLoss(task, validationOutput, validation.getLabels()),
          validationMetrics.get(task == Task.REGRESSION ? "rmse" : "accuracy"),
          0,
          -1,
          (System.nanoTime() - start) / 1e9,
          List.of());
    } finally {
      if (booster != null) {
        booster.dispose();
      }
    }
  }
}
