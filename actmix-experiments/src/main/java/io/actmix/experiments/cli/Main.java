package io.actmix.experiments.cli;

import io.actmix.experiments.ActionableFailure;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.results.CvResults;
import io.actmix.experiments.training.NativeRuntime;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The entry point: {@code <command> [key=value …]}, the command defaulting to {@code train}.
 *
 * <pre>
 *   train          one run on the single split (the default: ActMix on power_plant)
 *   train-cv       k-fold cross-validation of one model
 *   train-cv-all   cross-validation of the four models on one dataset, and a comparison table
 *   bench          training throughput of the four models on a dataset's shapes
 *   study          run what is missing of a study (config/study/&lt;name&gt;.yaml)
 *   study-status   cells done, failed and pending of a study, and the time left
 *   study-report   the report of a study: nested selection, statistics, pictures
 * </pre>
 */
public final class Main {

  /** The commands, in the order {@code help} lists them. */
  static final List<String> COMMANDS =
      List.of(
          "train", "train-cv", "train-cv-all", "bench", "study", "study-status", "study-report");

  /** The models {@code train-cv-all} runs, in this order ({@code bench}: {@code bench.models}). */
  static final List<String> MODELS = List.of("mlp_actmix", "mlp_relu", "mlp_gelu", "mlp_prelu");

  /** System property naming the configuration directory; default {@code config}. */
  public static final String CONFIG_DIR_PROPERTY = "actmix.config.dir";

  private Main() {}

  public static void main(String[] args) {
    NativeRuntime.skipPhysicalMemoryCheck(); // before anything allocates natively
    int status = run(args, System.getenv(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Exit status of a command that did its work. */
  public static final int OK = 0;

  /**
   * Exit status when something the user can change stopped the command: data that cannot be found
   * or downloaded, a path that cannot be read or written.
   */
  public static final int FAILED = 1;

  /** Exit status for bad arguments or configuration: nothing was done. */
  public static final int USAGE = 2;

  /**
   * Runs a command; returns the exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}. Both
   * failures print one line, {@code error: <message>}, on {@code err}; only defects (any other
   * exception) escape with their stack trace.
   *
   * @param env the environment variables the command reads ({@code ACTMIX_DATA_DIR}, …)
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    String command =
        arguments.isEmpty() || arguments.get(0).contains("=") ? "train" : arguments.remove(0);
    try {
      if (command.equals("help") || command.equals("--help")) {
        out.println(usage());
        return OK;
      }
      if (command.equals("analyze")) {
        AnalyzeCommand.run(arguments, out);
        return OK;
      }
      Map<String, Command> plugins = plugins();
      if (!COMMANDS.contains(command) && !plugins.containsKey(command)) {
        List<String> all = new ArrayList<>(COMMANDS);
        all.add("analyze");
        all.addAll(plugins.keySet());
        throw new IllegalArgumentException(
            "Unknown command '" + command + "'; commands: " + String.join(", ", all));
      }
      Path configDirectory = configDirectory();
      ConfigLoader loader = new ConfigLoader(configDirectory);
      if (command.equals("study")) {
        StudyCommand.run(loader, configDirectory, arguments, env, out);
        return OK;
      }
      if (command.equals("study-report")) {
        StudyCommand.report(loader, configDirectory, arguments, env, out);
        return OK;
      }
      if (command.equals("study-status")) {
        StudyCommand.status(loader, configDirectory, arguments, env, out);
        return OK;
      }
      if (plugins.containsKey(command)) {
        NativeRuntime.configure();
        plugins.get(command).run(loader, arguments, env, out);
        return OK;
      }
      ExperimentConfig config = loader.load(arguments);
      List<ExperimentConfig> models = new ArrayList<>();
      if (command.equals("train-cv-all") || command.equals("bench")) {
        for (String model : command.equals("bench") ? config.bench().models() : MODELS) {
          List<String> withModel = new ArrayList<>(arguments);
          withModel.add("model=" + model);
          models.add(loader.load(withModel));
        }
      }
      NativeRuntime.configure();
      Experiment experiment = Experiment.of(config, env, out);
      switch (command) {
        case "train" -> TrainCommand.run(experiment);
        case "train-cv" -> CrossValidation.run(experiment, experiment.foldPlan());
        case "train-cv-all" -> crossValidateAll(experiment, models);
        case "bench" -> BenchCommand.run(experiment, models);
        default -> throw new IllegalStateException("unreachable: " + command);
      }
      return OK;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (ActionableFailure | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted; the cells that finished are kept, run again to go on");
      return FAILED;
    }
  }

  /** The commands other modules provide, by name, in the order they are found. */
  static Map<String, Command> plugins() {
    Map<String, Command> commands = new LinkedHashMap<>();
    for (Command command : ServiceLoader.load(Command.class)) {
      commands.put(command.name(), command);
    }
    return commands;
  }

  private static void crossValidateAll(Experiment experiment, List<ExperimentConfig> models) {
    var plan = experiment.foldPlan();
    List<CvResults> results = new ArrayList<>();
    for (ExperimentConfig model : models) {
      results.add(
          CrossValidation.run(new Experiment(model, experiment.table(), experiment.out()), plan));
    }
    experiment.out().println();
    experiment
        .out()
        .println(
            "Comparison on "
                + experiment.dataset().label()
                + " (mean ± std over "
                + plan.k()
                + " folds):");
    experiment.out().print(Tables.comparison(results));
  }

  /** {@code -Dactmix.config.dir}, or {@code config} in the working directory. */
  static Path configDirectory() {
    Path directory = Path.of(System.getProperty(CONFIG_DIR_PROPERTY, "config"));
    if (!Files.isRegularFile(directory.resolve("config.yaml"))) {
      throw new IllegalArgumentException(
          "config directory = "
              + directory.toAbsolutePath()
              + "; must hold config.yaml; run from the project root or set -D"
              + CONFIG_DIR_PROPERTY);
    }
    return directory;
  }

  static String usage() {
    return String.join(
        "\n",
        "usage: mvn exec:java -Dexec.args=\"[command] [key=value ...]\"",
        "commands:",
        "  train          one run on the 80/10/10 split (default: mlp_actmix on power_plant)",
        "  train-cv       k-fold cross-validation of one model (cv_folds=10)",
        "  train-cv-all   cross-validation of the four models on one dataset",
        "  bench          training seconds per epoch of the four models",
        "  analyze        plots of what a saved ActMix model learned (checkpoint= output_dir=)",
        "  study          run what is missing of a study: name=quick|reference|paper|<file.yaml>",
        "                 engine=local|spark workers= spark.master= spark.*=",
        "  study-status   cells done, failed and pending of a study (name=), and the time left",
        "  study-report   report.md and report.html of a study's finished cells (name=)",
        plugins().values().stream()
            .map(c -> String.format("  %-14s %s", c.name(), c.summary()))
            .reduce((a, b) -> a + "\n" + b)
            .orElse(""),
        "overrides: dataset=power_plant|adult_census|magic_gamma",
        "           model=mlp_actmix|mlp_relu|mlp_gelu|mlp_prelu seed=1192 cv_folds=10 workers=0",
        "           training.max_epochs=200 training.learning_rate=1e-3 paths.root_dir=. data_dir=");
  }
}
