package io.actmix.experiments.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.ActionableFailure;
import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.folds.FoldPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of one study, under {@code <root_dir>/studies/<name>/}:
 *
 * <pre>
 *   cells/&lt;key&gt;.json     one finished cell: its cell, configuration and outcome
 *   failed/&lt;key&gt;.json    one cell that threw: its cell, the message and the stack trace
 *   plans/&lt;dataset&gt;-seed&lt;seed&gt;-k&lt;k&gt;.json   the fold plans the cells were computed on
 * </pre>
 *
 * <p>Every file is written atomically (a temporary file renamed into place), so a killed run leaves
 * whole files or none. A cell's file is written once: a cell already stored is never trained again,
 * and its file is never overwritten, even by another process that finished the same cell at the
 * same moment ({@link AtomicFiles#writeNew}). A failed cell's file is removed when the cell
 * succeeds.
 */
public final class CellStore {

  /** The folder of every study under a results root. */
  public static final String STUDIES = "studies";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String name;
  private final Path directory;

  /** The store of study {@code name} under {@code rootDir}. */
  public CellStore(Path rootDir, String name) {
    this.name = name;
    this.directory = rootDir.resolve(STUDIES).resolve(name);
  }

  /** {@code <root_dir>/studies/<name>}. */
  public Path directory() {
    return directory;
  }

  /** Where a finished cell's file goes. */
  public Path cellFile(String key) {
    return directory.resolve("cells").resolve(key + ".json");
  }

  /** Where a failed cell's file goes. */
  public Path failureFile(String key) {
    return directory.resolve("failed").resolve(key + ".json");
  }

  /**
   * Checks that the folder can hold this study's files before any work: it is a folder (or can be
   * made one) and can be written to.
   *
   * @throws ActionableFailure naming the folder and what is wrong
   */
  public void checkWritable() {
    try {
      Files.createDirectories(directory.resolve("cells"));
      Path probe = AtomicFiles.temporarySibling(directory.resolve("cells").resolve("probe"));
      Files.writeString(probe, "");
      Files.delete(probe);
    } catch (IOException e) {
      throw new ActionableFailure(
          "study "
              + name
              + ": results folder "
              + directory
              + " cannot be written: "
              + AtomicFiles.reason(e)
              + "; choose another with paths.root_dir=",
          e);
    }
  }

  /**
   * Records the fold plans of this run, refusing a plan that differs from the one the stored cells
   * were computed on for the same dataset, seed and number of folds.
   *
   * @throws ActionableFailure naming both digests
   */
  public void admitPlans(List<FoldPlan> plans) {
    for (FoldPlan plan : plans) {
      Path file = planFile(plan);
      if (Files.isRegularFile(file)) {
        FoldPlan stored = FoldPlan.read(file);
        if (!stored.digest().equals(plan.digest())) {
          throw new ActionableFailure(
              "study "
                  + name
                  + ": "
                  + directory
                  + " holds cells of "
                  + plan.dataset()
                  + " (seed "
                  + plan.seed()
                  + ", "
                  + plan.k()
                  + " folds) computed on fold plan "
                  + stored.digest()
                  + ", but this run's plan is "
                  + plan.digest()
                  + " (another version of the data?); give the study another name, or move that"
                  + " folder away");
        }
      }
    }
    plans.forEach(plan -> plan.write(planFile(plan)));
  }

  private Path planFile(FoldPlan plan) {
    return directory
        .resolve("plans")
        .resolve(plan.dataset() + "-seed" + plan.seed() + "-k" + plan.k() + ".json");
  }

  /** The keys of every finished cell. */
  public Set<String> finishedKeys() {
    return keysIn(directory.resolve("cells"));
  }

  /** The keys of every cell whose last run failed. */
  public Set<String> failedKeys() {
    return keysIn(directory.resolve("failed"));
  }

  private static Set<String> keysIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return new HashSet<>();
    }
    try (Stream<Path> files = Files.list(folder)) {
      Set<String> keys = new HashSet<>();
      files
          .map(file -> file.getFileName().toString())
          .filter(file -> file.endsWith(".json") && !file.startsWith("."))
          .forEach(file -> keys.add(file.substring(0, file.length() - ".json".length())));
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot be listed: " + AtomicFiles.reason(e), e);
    }
  }

  /**
   * Stores a result: a finished cell's file (unless one exists: the first is kept), or a failed
   * cell's.
   *
   * @return whether a file was written
   */
  public synchronized boolean store(CellResult result) {
    String key = result.spec().key();
    if (result.succeeded()) {
      boolean written =
          AtomicFiles.writeNew(cellFile(key), out -> JSON.writeValue(out, record(result)));
      AtomicFiles.deleteQuietly(failureFile(key));
      return written;
    }
    AtomicFiles.write(failureFile(key), out -> JSON.writeValue(out, result));
    return true;
  }

  /**
   * Copies into this study the finished cells of other studies under the same root whose keys are
   * among {@code keys}: a cell's key fixes its numbers, so a cell computed for one study is a cell
   * of any other that has it ({@code train-cv} finds the folds a {@code reference} study trained).
   *
   * @return how many cells were copied
   */
  public int adopt(Set<String> keys) {
    Path studies = directory.getParent();
    if (!Files.isDirectory(studies)) {
      return 0;
    }
    Set<String> finished = finishedKeys();
    int adopted = 0;
    try (Stream<Path> others = Files.list(studies)) {
      for (Path other : others.filter(d -> !d.equals(directory)).sorted().toList()) {
        for (String key : keys) {
          Path source = other.resolve("cells").resolve(key + ".json");
          if (!finished.contains(key) && Files.isRegularFile(source)) {
            byte[] bytes = Files.readAllBytes(source);
            if (AtomicFiles.writeNew(cellFile(key), out -> out.write(bytes))) {
              finished.add(key);
              adopted++;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(studies + ": cannot be read: " + AtomicFiles.reason(e), e);
    }
    return adopted;
  }

  /**
   * Every finished cell that can be read, by key; each file that cannot (corrupt, truncated, of
   * another schema) goes to {@code unreadable} with the reason, and is left out.
   */
  public Map<String, StoredCell> readable(java.util.function.BiConsumer<Path, String> unreadable) {
    Map<String, StoredCell> cells = new java.util.TreeMap<>();
    for (String key : finishedKeys()) {
      Path file = cellFile(key);
      try {
        StoredCell cell = JSON.readValue(file.toFile(), StoredCell.class);
        if (cell.outcome() == null || cell.outcome().metrics().isEmpty()) {
          throw new IOException("no outcome");
        }
        cells.put(key, cell);
      } catch (IOException | RuntimeException e) {
        unreadable.accept(
            file,
            e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage()));
      }
    }
    return cells;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** The finished cell {@code key}, or {@code null} when it has no file. */
  public StoredCell cell(String key) {
    Path file = cellFile(key);
    return Files.isRegularFile(file) ? read(file) : null;
  }

  private static StoredCell read(Path file) {
    try {
      return JSON.readValue(file.toFile(), StoredCell.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          file + ": cannot be read as a study cell: " + AtomicFiles.reason(e), e);
    }
  }

  /** The failure of cell {@code key}: its message, or {@code null}. */
  public String failure(String key) {
    Path file = failureFile(key);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile()).path("error").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + AtomicFiles.reason(e), e);
    }
  }

  private static StoredCell record(CellResult result) {
    CellSpec spec = result.spec();
    JsonNode configuration;
    try {
      configuration = JSON.readTree(spec.settings());
    } catch (IOException e) {
      throw new IllegalStateException("cell " + spec.key() + ": settings are not JSON", e);
    }
    return new StoredCell(
        spec.key(),
        spec.dataset(),
        spec.model(),
        spec.point(),
        spec.seed(),
        spec.fold(),
        spec.foldPlanDigest(),
        (ObjectNode) configuration,
        result.outcome());
  }
}
