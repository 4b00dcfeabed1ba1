package io.actmix.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures a user can fix (data, network, paths, files, a checkpoint) end the command with one
 * line, {@code error: …}, and a non-zero status, not with a stack trace. No test here needs the
 * real data or a network: the offline cases download from a loopback port where nothing listens.
 */
class MainErrorsTest {

  /** Nothing listens on port 9 (discard) of the loopback interface here. */
  private static final String NO_SERVER = "http://127.0.0.1:9/";

  @TempDir Path root;

  @BeforeAll
  static void projectConfig() {
    System.setProperty(Main.CONFIG_DIR_PROPERTY, Path.of("..", "config").toString());
  }

  @Test
  void run_noDataAndNoNetwork_printsOneErrorLineAndExitsWithFailed() {
    Outcome outcome =
        run(offline(), "train", "dataset=magic_gamma", "paths.root_dir=" + root.resolve("out"));

    assertEquals(
        List.of(Main.FAILED, 1, true, true, false),
        List.of(
            outcome.status(),
            outcome.errorLines().size(),
            outcome.error().startsWith("error: magic_gamma: download from " + NO_SERVER),
            outcome
                .error()
                .endsWith(
                    "or point ACTMIX_DATA_DIR (or data_dir=) at a folder holding"
                        + " magic_gamma/data.csv"),
            Files.exists(root.resolve("out"))));
  }

  @Test
  void run_dataDirectoryVariableMissing_printsTheVariableAndExitsWithUsage() {
    Path missing = root.resolve("no-such-folder");

    Outcome outcome = run(Map.of("ACTMIX_DATA_DIR", missing.toString()), "train");

    assertEquals(
        new Outcome(
            Main.USAGE,
            "error: ACTMIX_DATA_DIR = "
                + missing
                + "; must be an existing directory holding <dataset>/data.csv"),
        outcome);
  }

  @Test
  void run_mirrorNotAnHttpUrl_printsTheVariableAndExitsWithUsage() {
    Outcome outcome = run(Map.of("ACTMIX_UCI_URL", "ftp://mirror.example/uci"), "train");

    assertEquals(
        new Outcome(
            Main.USAGE,
            "error: ACTMIX_UCI_URL = ftp://mirror.example/uci; must be an http(s) URL of a server"
                + " with UCI's API, for example https://archive.ics.uci.edu/"),
        outcome);
  }

  @Test
  void run_resultsFolderBlockedByAFile_printsTheFolderAndExitsWithFailed() throws IOException {
    Path data = tinyPowerPlant();
    Path blocked = Files.writeString(root.resolve("results"), "a file, not a folder");

    Outcome outcome = run(Map.of(), "train", "data_dir=" + data, "paths.root_dir=" + blocked);

    assertEquals(
        new Outcome(
            Main.FAILED,
            "error: "
                + blocked.resolve("experiments/mlp_actmix_power_plant")
                + ": cannot be created: a file is in the way: "
                + blocked),
        outcome);
  }

  @Test
  void run_checkpointMissing_printsWhatToPassAndExitsWithUsage() {
    Path missing = root.resolve("best.zip");

    Outcome outcome = run(Map.of(), "analyze", "checkpoint=" + missing);

    assertEquals(
        new Outcome(
            Main.USAGE,
            "error: analyze: checkpoint = "
                + missing
                + "; file not found; train one first, for example with the train command, and"
                + " pass experiments/mlp_actmix_<dataset>/checkpoints/best.zip"),
        outcome);
  }

  @Test
  void run_checkpointNotAModel_printsWhatItIsAndExitsWithUsage() throws IOException {
    Path notAModel = Files.writeString(root.resolve("best.zip"), "not a zip");

    Outcome outcome = run(Map.of(), "analyze", "checkpoint=" + notAModel);

    assertEquals(
        List.of(Main.USAGE, true),
        List.of(
            outcome.status(),
            outcome
                .error()
                .startsWith(
                    "error: analyze: checkpoint = "
                        + notAModel
                        + "; cannot be read as a saved DL4J MultiLayerNetwork")));
  }

  @Test
  void run_configDirectoryMissing_printsWhereToRunAndExitsWithUsage() {
    String previous = System.getProperty(Main.CONFIG_DIR_PROPERTY);
    System.setProperty(Main.CONFIG_DIR_PROPERTY, root.toString());
    try {
      Outcome outcome = run(Map.of(), "train");

      assertEquals(
          new Outcome(
              Main.USAGE,
              "error: config directory = "
                  + root
                  + "; must hold config.yaml; run from the project root or set"
                  + " -Dactmix.config.dir"),
          outcome);
    } finally {
      System.setProperty(Main.CONFIG_DIR_PROPERTY, previous);
    }
  }

  /** The exit status and what was printed on standard error, stripped. */
  private record Outcome(int status, String error) {
    List<String> errorLines() {
      return error.lines().toList();
    }
  }

  /** An environment with an empty cache and a UCI repository that cannot be reached. */
  private Map<String, String> offline() {
    return Map.of("XDG_CACHE_HOME", root.resolve("cache").toString(), "ACTMIX_UCI_URL", NO_SERVER);
  }

  private static Outcome run(Map<String, String> env, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            env,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, err.toString(StandardCharsets.UTF_8).strip());
  }

  /** A data folder whose power_plant/data.csv has 40 made-up rows in UCI's layout. */
  private Path tinyPowerPlant() throws IOException {
    List<String> lines = new ArrayList<>(List.of("AT,V,AP,RH,PE"));
    lines.addAll(
        Stream.iterate(0, i -> i + 1)
            .limit(40)
            .map(i -> (10 + i) + ",40.5,1012.3," + (60 + i) + "," + (450 - i))
            .collect(Collectors.toList()));
    Path file = root.resolve("data/power_plant/data.csv");
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
    return root.resolve("data");
  }
}
