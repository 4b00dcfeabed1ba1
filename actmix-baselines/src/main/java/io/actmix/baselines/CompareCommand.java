package io.actmix.baselines;

import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.cli.Command;
import io.actmix.experiments.config.ConfigLoader;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.results.CvResults;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code compare dataset=…}: reads every {@code experiments/<model>_<dataset>/cv_results.json},
 * refuses results computed on different folds, and prints and writes {@code comparison.json} and
 * {@code comparison.md} under {@code experiments/comparison_<dataset>/}.
 */
public final class CompareCommand implements Command {

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String summary() {
    return "paired comparison of every model cross-validated on dataset=";
  }

  @Override
  public void run(
      ConfigLoader loader, List<String> overrides, Map<String, String> env, PrintStream out) {
    ExperimentConfig config = loader.load(overrides);
    String dataset = config.dataset().name();
    Path experiments = Path.of(config.paths().rootDir()).resolve("experiments");
    Comparison comparison = Comparison.of(dataset, read(experiments, dataset));
    Path directory = experiments.resolve("comparison_" + dataset);
    CvResults.writeJson(directory.resolve("comparison.json"), comparison);
    String markdown = comparison.toMarkdown();
    AtomicFiles.writeString(directory.resolve("comparison.md"), markdown);
    out.print(markdown);
    out.println("Written to " + directory);
  }

  /** The results of every model of {@code dataset} under {@code experiments}, by folder name. */
  static List<CvResults> read(Path experiments, String dataset) {
    if (!Files.isDirectory(experiments)) {
      throw new IllegalArgumentException(
          "compare(" + dataset + "): " + experiments + " does not exist; run train-cv first");
    }
    try (Stream<Path> folders = Files.list(experiments)) {
      return folders
          .filter(folder -> folder.getFileName().toString().endsWith("_" + dataset))
          .map(folder -> folder.resolve(CvResults.FILE_NAME))
          .filter(Files::isRegularFile)
          .sorted()
          .map(CvResults::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(experiments + ": cannot be listed", e);
    }
  }
}
