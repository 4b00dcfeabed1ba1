package io.actmix.experiments.study;

import io.actmix.experiments.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The kinds of model a study can hold: the networks, then those other modules provide. */
public final class ModelKinds {

  private ModelKinds() {}

  /** Every kind, the networks being those of {@code loader}'s {@code config/model/}. */
  public static List<ModelKind> all(ConfigLoader loader) {
    List<ModelKind> kinds = new ArrayList<>();
    kinds.add(new NetworkKind(loader.choices("model")));
    ServiceLoader.load(ModelKind.class).forEach(kinds::add);
    return List.copyOf(kinds);
  }

  /** The models every kind of {@code kinds} trains, for messages. */
  public static List<String> models(ConfigLoader loader, List<ModelKind> kinds) {
    List<String> models = new ArrayList<>(loader.choices("model"));
    for (ModelKind kind : kinds) {
      if (!(kind instanceof NetworkKind)) {
        models.add(kind.name());
      }
    }
    return models;
  }

  /**
   * The kind named {@code name}, for training a cell that another JVM planned: this JVM needs no
   * configuration directory.
   *
   * @throws IllegalStateException when no kind of that name is on the class path
   */
  public static ModelKind named(String name) {
    if (name.equals(NetworkKind.NAME)) {
      return new NetworkKind(List.of());
    }
    for (ModelKind kind : ServiceLoader.load(ModelKind.class)) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    throw new IllegalStateException(
        "No model kind '"
            + name
            + "' on this JVM's class path; the jar that runs cells must hold every module"
            + " (actmix-baselines for xgboost)");
  }
}
