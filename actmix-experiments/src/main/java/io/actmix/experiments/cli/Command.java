package io.actmix.experiments.cli;

import io.actmix.experiments.config.ConfigLoader;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A sub-command that another module adds to {@link Main}, found with {@link
 * java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/io.actmix.experiments.cli.Command}.
 */
public interface Command {

  /** The name typed on the command line, for example {@code xgboost}. */
  String name();

  /** One line for the usage text. */
  String summary();

  /**
   * Runs the command.
   *
   * @param loader the project's configuration
   * @param overrides the {@code key=value} arguments
   * @param env the environment variables ({@code ACTMIX_DATA_DIR} and the like)
   * @param out where to report
   * @throws IllegalArgumentException for bad arguments, reported as an error with exit status 2
   */
  void run(ConfigLoader loader, List<String> overrides, Map<String, String> env, PrintStream out);
}
