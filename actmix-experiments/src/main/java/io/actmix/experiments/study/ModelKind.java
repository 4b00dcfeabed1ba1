package io.actmix.experiments.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.folds.Fold;
import java.util.List;

/**
 * A kind of model a study trains, one fold at a time: the networks ({@link NetworkKind}) and, from
 * other modules, XGBoost. Kinds of other modules are found with {@link java.util.ServiceLoader}:
 * list the class in {@code META-INF/services/io.actmix.experiments.study.ModelKind}.
 *
 * <p>A kind turns overrides into settings — a JSON tree of everything that can change a cell's
 * numbers — and trains from settings alone, so that a cell can be sent to another JVM as text.
 */
public interface ModelKind {

  /** The kind's name, unique among kinds: how a cell sent to another JVM finds its kind. */
  String name();

  /** Whether this kind trains {@code model}, a name of a study's {@code model:} list. */
  boolean trains(String model);

  /**
   * Whether a study's key applies to {@code model}: a grid axis or an override that does not is
   * left out of its cells (an axis that applies to no model of the study is an error).
   */
  boolean accepts(ConfigLoader loader, String model, String key);

  /**
   * The settings of a cell of {@code model}.
   *
   * @param overrides {@code key=value}: {@code dataset=}, {@code seed=}, {@code cv_folds=} and the
   *     keys this kind {@linkplain #accepts accepts}
   * @throws IllegalArgumentException for a bad key or value, in the command line's words
   */
  ObjectNode settings(ConfigLoader loader, String model, List<String> overrides);

  /**
   * Trains on the fold's training rows (its inner validation rows for early stopping, where the
   * model uses them) and tests once on its test rows.
   */
  CellOutcome fit(ObjectNode settings, RawTable table, Fold fold);
}
