package io.actmix.baselines;

import io.actmix.experiments.data.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * XGBoost's settings (SPEC §6): 500 rounds, learning rate 0.05, depth 6, histogram trees, squared
 * error or logistic loss, seeded, silent.
 *
 * @param rounds boosting rounds
 * @param learningRate shrinkage of every tree ({@code eta})
 * @param maxDepth the deepest a tree grows
 * @param threads native threads XGBoost uses
 * @param seed the seed of XGBoost's random choices
 */
public record XGBoostSettings(
    int rounds, double learningRate, int maxDepth, int threads, long seed) {

  /** Default boosting rounds. */
  public static final int DEFAULT_ROUNDS = 500;

  /** Default learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.05;

  /** Default tree depth. */
  public static final int DEFAULT_MAX_DEPTH = 6;

  /** Validates every field. */
  public XGBoostSettings {
    if (rounds < 1) {
      throw new IllegalArgumentException("XGBoostSettings: rounds = " + rounds + "; must be >= 1");
    }
    if (!(learningRate > 0 && learningRate <= 1)) {
      throw new IllegalArgumentException(
          "XGBoostSettings: learningRate = " + learningRate + "; must be in (0, 1]");
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException(
          "XGBoostSettings: maxDepth = " + maxDepth + "; must be >= 1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException(
          "XGBoostSettings: threads = " + threads + "; must be >= 1");
    }
  }

  /** The specification's settings with {@code seed} and {@code threads}. */
  public static XGBoostSettings defaults(long seed, int threads) {
    return new XGBoostSettings(
        DEFAULT_ROUNDS, DEFAULT_LEARNING_RATE, DEFAULT_MAX_DEPTH, threads, seed);
  }

  /** XGBoost's parameter map for {@code task}. */
  Map<String, Object> parameters(Task task) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("objective", task == Task.REGRESSION ? "reg:squarederror" : "binary:logistic");
    parameters.put("eta", learningRate);
    parameters.put("max_depth", maxDepth);
    parameters.put("tree_method", "hist");
    parameters.put("seed", seed);
    parameters.put("nthread", threads);
    parameters.put("verbosity", 0);
    return parameters;
  }
}
