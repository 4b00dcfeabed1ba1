package io.actmix.experiments.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.folds.Fold;
import io.actmix.experiments.training.EpochRecord;
import io.actmix.experiments.training.Trainer;
import io.actmix.experiments.training.TrainingRun;
import io.actmix.layer.ActMixLayers;
import io.actmix.layer.BasisFunction;
import io.actmix.layer.LayerMixing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four networks of {@code config/model/}, trained by {@link Trainer}. A cell's settings are the
 * resolved configuration without what cannot change its numbers: {@code workers}, {@code data_dir},
 * {@code paths} and {@code bench}.
 */
public final class NetworkKind implements ModelKind {

  /** Configuration keys that say where and how fast, not what: left out of a cell's settings. */
  static final List<String> NOT_SETTINGS = List.of("workers", "data_dir", "paths", "bench");

  /** This kind's {@link #name()}. */
  public static final String NAME = "networks";

  private final List<String> models;

  /**
   * The networks named {@code models} (those of {@code config/model/}); a JVM that only trains
   * cells it was sent needs none.
   */
  public NetworkKind(List<String> models) {
    this.models = List.copyOf(models);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean trains(String model) {
    return models.contains(model);
  }

  @Override
  public boolean accepts(ConfigLoader loader, String model, String key) {
    return !NOT_SETTINGS.contains(key.split("\\.")[0]) && loader.hasKey(model, key);
  }

  @Override
  public ObjectNode settings(ConfigLoader loader, String model, List<String> overrides) {
    List<String> arguments = new ArrayList<>(overrides);
    arguments.add("model=" + model);
    return settings(loader.load(arguments));
  }

  /** The settings of a cell of {@code config}: the configuration without {@link #NOT_SETTINGS}. */
  public static ObjectNode settings(ExperimentConfig config) {
    ObjectNode tree = ConfigLoader.toTree(config);
    NOT_SETTINGS.forEach(tree::remove);
    return tree;
  }

  @Override
  public CellOutcome fit(ObjectNode settings, RawTable table, Fold fold) {
    ExperimentConfig config = configuration(settings);
    TrainingRun run = new Trainer(config).fit(table, fold, null, record -> {});
    EpochRecord best = run.history().get(run.bestEpoch());
    return new CellOutcome(
        run.testMetrics(),
        best.validationLoss(),
        best.validationMetric(),
        run.epochsTrained(),
        run.bestEpoch(),
        run.seconds(),
        ActMixLayers.mixing(run.network()).stream().map(NetworkKind::summary).toList());
  }

  /** The configuration of a cell's settings, with neutral values for what they leave out. */
  static ExperimentConfig configuration(ObjectNode settings) {
    ObjectNode tree = settings.deepCopy();
    tree.put("workers", 1);
    tree.put("data_dir", "");
    tree.putObject("paths").put("root_dir", ".");
    ObjectNode bench = tree.putObject("bench").put("epochs", 1).put("warmup", 0);
    bench.putArray("models").add(settings.path("model").path("name").asText());
    return ConfigLoader.fromTree(tree);
  }

  /** Dominant-basis shares, mean α per basis and mean entropy of one layer. */
  static CellOutcome.LayerSummary summary(LayerMixing mixing) {
    int neurons = mixing.neurons();
    int[] dominant = mixing.dominantCounts();
    double[] mass = mixing.basisMass();
    Map<String, Double> shares = new LinkedHashMap<>();
    Map<String, Double> meanAlpha = new LinkedHashMap<>();
    for (int k = 0; k < mixing.bases().size(); k++) {
      BasisFunction basis = mixing.bases().get(k);
      shares.put(basis.label(), (double) dominant[k] / neurons);
      meanAlpha.put(basis.label(), mass[k] / neurons);
    }
    return new CellOutcome.LayerSummary(
        mixing.layerIndex(), shares, meanAlpha, mixing.meanEntropy());
  }
}
