package io.actmix.experiments.cli;

import io.actmix.experiments.ActionableFailure;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.data.DatasetFiles;
import io.actmix.experiments.report.StudyReport;
import io.actmix.experiments.study.CellStore;
import io.actmix.experiments.study.Engine;
import io.actmix.experiments.study.LocalEngine;
import io.actmix.experiments.study.ModelKinds;
import io.actmix.experiments.study.StudyData;
import io.actmix.experiments.study.StudyDefinition;
import io.actmix.experiments.study.StudyPlan;
import io.actmix.experiments.study.StudyRunner;
import io.actmix.experiments.study.StudyStatus;
import io.actmix.experiments.study.spark.SparkEngine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code study name=…} runs what is missing of a study; {@code study-status name=…} prints where it
 * stands. Their keys are their own: {@code name}, {@code engine}, {@code workers}, {@code
 * paths.root_dir}, {@code data_dir} and any {@code spark.*} key.
 */
final class StudyCommand {

  /** The folder of the study presets, under the configuration directory. */
  static final String PRESETS = "study";

  private StudyCommand() {}

  /**
   * The command line of a study command.
   *
   * @param name the study's preset or file
   * @param engine {@code local} or {@code spark}
   * @param workers cells at once on the local engine
   * @param rootDir results root
   * @param dataDir the {@code data_dir=} value
   * @param spark the {@code spark.*} keys
   */
  record Options(
      String name,
      String engine,
      int workers,
      String rootDir,
      String dataDir,
      Map<String, String> spark) {

    static Options parse(String command, List<String> arguments, ExperimentConfig defaults) {
      String name = null;
      String engine = LocalEngine.NAME;
      int workers = defaults.effectiveWorkers();
      String rootDir = defaults.paths().rootDir();
      String dataDir = defaults.dataDir();
      Map<String, String> spark = new LinkedHashMap<>();
      for (String argument : arguments) {
        int equals = argument.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException(
              "Bad argument '" + argument + "'; " + command + " takes key=value, e.g. name=quick");
        }
        String key = argument.substring(0, equals).strip();
        String value = argument.substring(equals + 1).strip();
        switch (key) {
          case "name" -> name = value;
          case "engine" -> {
            if (!value.equals(LocalEngine.NAME) && !value.equals(SparkEngine.NAME)) {
              throw new IllegalArgumentException(
                  "engine = '" + value + "'; must be local or spark");
            }
            engine = value;
          }
          case "workers" -> workers = workers(value);
          case "paths.root_dir" -> rootDir = value;
          case "data_dir" -> dataDir = value;
          default -> {
            if (!key.startsWith("spark.")) {
              throw new IllegalArgumentException(
                  "Unknown key '"
                      + key
                      + "' for "
                      + command
                      + "; valid: name, engine, workers, paths.root_dir, data_dir, spark.*"
                      + " (a study's own settings go in its file)");
            }
            spark.put(key, value);
          }
        }
      }
      if (!spark.isEmpty() && !engine.equals(SparkEngine.NAME)) {
        throw new IllegalArgumentException(
            spark.keySet().iterator().next() + " is a Spark setting; add engine=spark");
      }
      return new Options(name, engine, workers, rootDir, dataDir, spark);
    }

    private static int workers(String value) {
      try {
        int workers = Integer.parseInt(value);
        if (workers < 0) {
          throw new NumberFormatException();
        }
        return workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "workers = '" + value + "'; must be an integer >= 0 (0 = one per core)");
      }
    }
  }

  /**
   * A study the command line names, resolved before any work: its options, file, cells and store.
   */
  record Study(Options options, StudyDefinition definition, StudyPlan plan, CellStore store) {

    static Study of(
        String command, ConfigLoader loader, Path configDirectory, List<String> arguments) {
      Options options = Options.parse(command, arguments, loader.load(List.of()));
      StudyDefinition definition =
          StudyDefinition.find(options.name(), configDirectory.resolve(PRESETS));
      StudyPlan plan = StudyPlan.resolve(definition, loader, ModelKinds.all(loader));
      return new Study(
          options, definition, plan, new CellStore(Path.of(options.rootDir()), definition.name()));
    }

    /** The study's data, found as {@code data_dir=} and the environment say. */
    StudyData data(Map<String, String> env, PrintStream out) {
      return StudyData.load(plan, DatasetFiles.standard(options.dataDir(), env, out::println));
    }
  }

  /** {@code study}: runs the cells that have no file yet. */
  static void run(
      ConfigLoader loader,
      Path configDirectory,
      List<String> arguments,
      Map<String, String> env,
      PrintStream out)
      throws InterruptedException {
    Study study = Study.of("study", loader, configDirectory, arguments);
    StudyDefinition definition = study.definition();
    StudyPlan plan = study.plan();
    // The engine first: an unreachable cluster fails before anything is written.
    try (Engine engine = engine(study.options())) {
      CellStore store = study.store();
      store.checkWritable();
      StudyData data = study.data(env, out);
      StudyRunner.Report report =
          new StudyRunner(store, engine, out).run("Study " + definition.name(), plan, data);
      out.printf(
          Locale.ROOT,
          "Study %s: %d of %d cells done (%d this run, %d failed) in %.1f s%n",
          definition.name(),
          report.alreadyDone() + report.finished(),
          report.cells(),
          report.finished(),
          report.failed(),
          report.wallSeconds());
      out.print(StudyStatus.of(plan.cells(data.plans()), store, engine.parallelism()).toMarkdown());
      if (report.failed() > 0) {
        throw new ActionableFailure(
            report.failed()
                + " cell(s) failed; their messages are in "
                + store.directory().resolve("failed")
                + "; run the same command again to retry them");
      }
    }
  }

  /** {@code study-status}: done, failed and pending cells per dataset and model, and time left. */
  static void status(
      ConfigLoader loader,
      Path configDirectory,
      List<String> arguments,
      Map<String, String> env,
      PrintStream out) {
    Study study = Study.of("study-status", loader, configDirectory, arguments);
    int workers = study.options().workers();
    StudyData data = study.data(env, out);
    StudyStatus status = StudyStatus.of(study.plan().cells(data.plans()), study.store(), workers);
    out.println(
        "Study "
            + study.definition().name()
            + " in "
            + study.store().directory()
            + " (time left for "
            + workers
            + " worker(s)):");
    out.print(status.toMarkdown());
  }

  /** {@code study-report}: the report of a study's finished cells, in the study's folder. */
  static void report(
      ConfigLoader loader,
      Path configDirectory,
      List<String> arguments,
      Map<String, String> env,
      PrintStream out) {
    Study study = Study.of("study-report", loader, configDirectory, arguments);
    String name = study.definition().name();
    CellStore store = study.store();
    if (!Files.isDirectory(store.directory())) {
      Path studies = store.directory().getParent();
      throw new ActionableFailure(
          "study-report: no study '"
              + name
              + "' under "
              + studies
              + "; studies there: "
              + (Files.isDirectory(studies) ? String.join(", ", folders(studies)) : "none")
              + "; run study name="
              + study.options().name()
              + " first, or set paths.root_dir=");
    }
    StudyData data = study.data(env, out);
    StudyReport.Written written = StudyReport.write(name, study.plan(), data.plans(), store);
    out.println(
        (written.partial() ? "Partial report" : "Report")
            + " of study "
            + name
            + ": "
            + written.markdown()
            + " and "
            + written.html()
            + " with "
            + written.images().size()
            + " pictures"
            + (written.partial()
                ? "; "
                    + written.missing().size()
                    + " group(s) missing cells, "
                    + written.unreadable().size()
                    + " unreadable cell file(s), listed in the report"
                : ""));
  }

  private static List<String> folders(Path directory) {
    try (var entries = Files.list(directory)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  /** The engine the options ask for; each cell sets its JVM's native threads ({@code CellWork}). */
  static Engine engine(Options options) {
    if (options.engine().equals(SparkEngine.NAME)) {
      return new SparkEngine(options.spark());
    }
    return new LocalEngine(options.workers());
  }
}
