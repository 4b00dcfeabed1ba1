package io.actmix.experiments.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.folds.FoldPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's cells: the product of its datasets, models, grid points (the axes that apply to each
 * model) and seeds — each a resolved configuration, checked before any data is read — times the
 * folds of the fold plan of its dataset and seed.
 */
public final class StudyPlan {

  /**
   * One configuration of the study, before the folds: every fold of its fold plan is a cell.
   *
   * @param dataset the dataset
   * @param model the model
   * @param kind what trains it
   * @param point the grid point, axis by axis (only the axes that apply to the model)
   * @param seed the seed
   * @param settings its resolved settings
   */
  public record Configuration(
      String dataset,
      String model,
      ModelKind kind,
      Map<String, String> point,
      long seed,
      ObjectNode settings) {}

  private final int cvFolds;
  private final List<Configuration> configurations;

  private StudyPlan(int cvFolds, List<Configuration> configurations) {
    this.cvFolds = cvFolds;
    this.configurations = List.copyOf(configurations);
  }

  /**
   * A plan of given configurations, for commands that are studies of one configuration ({@code
   * train-cv}, {@code train-cv-all}).
   */
  public static StudyPlan of(int cvFolds, List<Configuration> configurations) {
    return new StudyPlan(cvFolds, configurations);
  }

  /**
   * Resolves every configuration of {@code definition}, reading no data: every key, axis and value
   * is checked here, so a bad study file fails before any work.
   *
   * @throws IllegalArgumentException naming the file, the key or axis, the value and the rule
   */
  public static StudyPlan resolve(
      StudyDefinition definition, ConfigLoader loader, List<ModelKind> kinds) {
    String file = definition.source().toString();
    ExperimentConfig defaults = loader.load(List.of());
    Map<String, ModelKind> kindOf = new LinkedHashMap<>();
    for (String model : definition.models()) {
      ModelKind kind = kinds.stream().filter(k -> k.trains(model)).findFirst().orElse(null);
      if (kind == null) {
        throw new IllegalArgumentException(
            file
                + ": model = '"
                + model
                + "'; must be one of "
                + String.join(", ", ModelKinds.models(loader, kinds)));
      }
      kindOf.put(model, kind);
    }
    checkApplies(file, "", definition.overrides(), definition.models(), kindOf, loader);
    Map<String, String> firstValues = new LinkedHashMap<>();
    definition.grid().forEach((axis, values) -> firstValues.put(axis, values.get(0)));
    checkApplies(file, "grid.", firstValues, definition.models(), kindOf, loader);

    List<Long> seeds = definition.seeds().isEmpty() ? List.of(defaults.seed()) : definition.seeds();
    int cvFolds = definition.cvFolds() == 0 ? defaults.cvFolds() : definition.cvFolds();
    List<Configuration> configurations = new ArrayList<>();
    for (String dataset : definition.datasets()) {
      for (String model : definition.models()) {
        ModelKind kind = kindOf.get(model);
        List<String> common = new ArrayList<>();
        common.add("dataset=" + dataset);
        common.add("cv_folds=" + cvFolds);
        definition
            .overrides()
            .forEach(
                (key, value) -> {
                  if (kind.accepts(loader, model, key)) {
                    common.add(key + "=" + value);
                  }
                });
        for (Map<String, String> point : points(definition.grid(), kind, loader, model)) {
          for (long seed : seeds) {
            List<String> overrides = new ArrayList<>(common);
            overrides.add("seed=" + seed);
            point.forEach((axis, value) -> overrides.add(axis + "=" + value));
            ObjectNode settings;
            try {
              settings = kind.settings(loader, model, overrides);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(
                  file + ": " + e.getMessage() + " (" + model + " on " + dataset + ")", e);
            }
            configurations.add(new Configuration(dataset, model, kind, point, seed, settings));
          }
        }
      }
    }
    return new StudyPlan(cvFolds, configurations);
  }

  /** Every key of {@code values} must be valid and apply to at least one model. */
  private static void checkApplies(
      String file,
      String prefix,
      Map<String, String> values,
      List<String> models,
      Map<String, ModelKind> kindOf,
      ConfigLoader loader) {
    values.forEach(
        (key, value) -> {
          boolean applies = models.stream().anyMatch(m -> kindOf.get(m).accepts(loader, m, key));
          if (applies) {
            return;
          }
          List<String> anyModel = loader.choices("model");
          boolean known = anyModel.stream().anyMatch(m -> loader.hasKey(m, key));
          if (!known) {
            try {
              loader.load(List.of(key + "=" + value));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(file + ": " + prefix + e.getMessage(), e);
            }
          }
          throw new IllegalArgumentException(
              file
                  + ": "
                  + prefix
                  + key
                  + " applies to none of the study's models ("
                  + String.join(", ", models)
                  + "); add a model it applies to, or remove it");
        });
  }

  /** The grid points of {@code model}: the product of the axes that apply to it, in file order. */
  private static List<Map<String, String>> points(
      Map<String, List<String>> grid, ModelKind kind, ConfigLoader loader, String model) {
    List<Map<String, String>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
      if (!kind.accepts(loader, model, axis.getKey())) {
        continue;
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> point : points) {
        for (String value : axis.getValue()) {
          Map<String, String> extended = new LinkedHashMap<>(point);
          extended.put(axis.getKey(), value);
          next.add(extended);
        }
      }
      points = next;
    }
    return points;
  }

  /** The datasets of the plan, in order. */
  public List<String> datasets() {
    return configurations.stream().map(Configuration::dataset).distinct().toList();
  }

  /** Every configuration, in the order the cells run. */
  public List<Configuration> configurations() {
    return configurations;
  }

  /** The fold plan of each dataset and seed, from {@code tables}, keyed by {@link #planKey}. */
  public Map<String, FoldPlan> foldPlans(Map<String, RawTable> tables) {
    Map<String, FoldPlan> plans = new LinkedHashMap<>();
    for (Configuration configuration : configurations) {
      plans.computeIfAbsent(
          planKey(configuration.dataset(), configuration.seed()),
          key -> {
            RawTable table = tables.get(configuration.dataset());
            return FoldPlan.kFold(
                configuration.dataset(),
                table.rows(),
                table.strata(),
                cvFolds,
                configuration.seed());
          });
    }
    return plans;
  }

  /** The key of a fold plan in {@link #foldPlans}. */
  public static String planKey(String dataset, long seed) {
    return dataset + "/" + seed;
  }

  /** Every cell: each configuration times the folds of its fold plan, in run order. */
  public List<CellSpec> cells(Map<String, FoldPlan> plans) {
    List<CellSpec> cells = new ArrayList<>();
    for (Configuration configuration : configurations) {
      FoldPlan plan = plans.get(planKey(configuration.dataset(), configuration.seed()));
      String settings = CellKey.canonical(configuration.settings());
      for (int fold = 0; fold < plan.k(); fold++) {
        cells.add(
            new CellSpec(
                CellKey.of(
                    configuration.kind().name(), configuration.settings(), plan.digest(), fold),
                configuration.dataset(),
                configuration.model(),
                configuration.kind().name(),
                configuration.point(),
                configuration.seed(),
                fold,
                plan.digest(),
                settings));
      }
    }
    return cells;
  }
}
