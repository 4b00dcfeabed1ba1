package io.actmix.experiments.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.data.UciDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A study as its YAML file under {@code config/study/} declares it, with the reference's names:
 *
 * <pre>
 *   dataset: [power_plant, magic_gamma]     # one or more
 *   model: [mlp_actmix, mlp_relu, xgboost]  # one or more: the networks and xgboost
 *   seed: [1192, 7]                         # optional: repeats, each its own fold plan
 *   cv_folds: 10                            # optional
 *   training.max_epochs: 100                # any override key: every cell it applies to
 *   grid:                                   # optional: axes, each an override key and its values
 *     model.hidden_sizes: [[128], [128, 128]]
 *     model.actmix.schedule: [full, notemp] # applies to mlp_actmix only
 * </pre>
 *
 * <p>This record checks the file's shape; {@link StudyPlan} checks every key and value against the
 * configuration before any work.
 *
 * @param name the study's name: its file's name without {@code .yaml}
 * @param source the file
 * @param datasets the datasets, in order
 * @param models the models, in order
 * @param seeds the seeds, in order; empty for the configuration's seed
 * @param cvFolds the number of folds, or 0 for the configuration's
 * @param overrides override keys and values for every cell they apply to, in file order
 * @param grid axes: an override key and its values as {@code key=value} text, in file order
 */
public record StudyDefinition(
    String name,
    Path source,
    List<String> datasets,
    List<String> models,
    List<Long> seeds,
    int cvFolds,
    Map<String, String> overrides,
    Map<String, List<String>> grid) {

  /**
   * Keys that say where or how fast, never what: a study cannot set them. The configuration's are
   * those a cell's settings leave out; the study command adds its own.
   */
  static final List<String> ENGINE_KEYS =
      Stream.concat(NetworkKind.NOT_SETTINGS.stream(), Stream.of("engine", "name")).toList();

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Copies the collections, keeping their order. */
  public StudyDefinition {
    datasets = List.copyOf(datasets);
    models = List.copyOf(models);
    seeds = List.copyOf(seeds);
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    Map<String, List<String>> axes = new LinkedHashMap<>();
    grid.forEach((axis, values) -> axes.put(axis, List.copyOf(values)));
    grid = Collections.unmodifiableMap(axes);
  }

  /**
   * The study {@code name} names: a preset of {@code studyDirectory} ({@code quick}, {@code
   * reference}, …) or the path of a YAML file.
   *
   * @throws IllegalArgumentException for a missing file or a file of the wrong shape
   */
  public static StudyDefinition find(String name, Path studyDirectory) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "study: name= is missing; a preset ("
              + String.join(", ", presets(studyDirectory))
              + ") or the path of a study file");
    }
    Path file =
        name.endsWith(".yaml") || name.endsWith(".yml")
            ? Path.of(name)
            : studyDirectory.resolve(name + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "study: name = '"
              + name
              + "'; no file "
              + file
              + "; presets: "
              + String.join(", ", presets(studyDirectory))
              + ", or give the path of a .yaml file");
    }
    return read(file);
  }

  /** The presets: the YAML files of {@code studyDirectory}, without extension, sorted. */
  public static List<String> presets(Path studyDirectory) {
    try (var files = Files.list(studyDirectory)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml"))
          .map(f -> f.substring(0, f.length() - ".yaml".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Reads and checks the shape of a study file.
   *
   * @throws IllegalArgumentException naming the file, the key, the value and the rule
   */
  public static StudyDefinition read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + AtomicFiles.reason(e), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": must hold a mapping of keys to values");
    }
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.lastIndexOf('.'));
    List<String> datasets = texts(file, root, "dataset", true);
    for (String dataset : datasets) {
      try {
        UciDataset.of(dataset);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    List<String> models = texts(file, root, "model", true);
    List<Long> seeds = new ArrayList<>();
    for (JsonNode seed : list(root.get("seed"))) {
      if (!seed.isIntegralNumber()) {
        throw new IllegalArgumentException(
            file + ": seed = " + seed + "; must be an integer or a list of integers");
      }
      seeds.add(seed.asLong());
    }
    int cvFolds = 0;
    if (root.has("cv_folds")) {
      JsonNode folds = root.get("cv_folds");
      if (!folds.isIntegralNumber() || folds.asInt() < 2) {
        throw new IllegalArgumentException(
            file + ": cv_folds = " + folds + "; must be an integer >= 2");
      }
      cvFolds = folds.asInt();
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    Map<String, List<String>> grid = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (List.of("dataset", "model", "seed", "cv_folds").contains(key)) {
        continue;
      }
      if (key.equals("grid")) {
        grid = grid(file, field.getValue());
        continue;
      }
      checkNotEngineKey(file, key);
      overrides.put(key, text(field.getValue()));
    }
    return new StudyDefinition(name, file, datasets, models, seeds, cvFolds, overrides, grid);
  }

  private static Map<String, List<String>> grid(Path file, JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + ": grid = "
              + node
              + "; must map one or more override keys to lists of values, for example"
              + " grid: {model.hidden_sizes: [[64], [128]]}; or leave grid out");
    }
    Map<String, List<String>> grid = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> axes = node.fields();
    while (axes.hasNext()) {
      Map.Entry<String, JsonNode> axis = axes.next();
      checkNotEngineKey(file, axis.getKey());
      JsonNode values = axis.getValue();
      if (!values.isArray() || values.isEmpty()) {
        throw new IllegalArgumentException(
            file
                + ": grid."
                + axis.getKey()
                + " = "
                + values
                + "; must be a non-empty list of values");
      }
      List<String> texts = new ArrayList<>();
      values.forEach(value -> texts.add(text(value)));
      if (texts.stream().distinct().count() != texts.size()) {
        throw new IllegalArgumentException(
            file + ": grid." + axis.getKey() + " = " + texts + "; must not repeat a value");
      }
      grid.put(axis.getKey(), texts);
    }
    return grid;
  }

  private static void checkNotEngineKey(Path file, String key) {
    if (ENGINE_KEYS.contains(key.split("\\.")[0])) {
      throw new IllegalArgumentException(
          file
              + ": "
              + key
              + " says where or how fast a study runs, not what it computes; give it on the"
              + " command line (study name=… "
              + key
              + "=…)");
    }
  }

  private static List<String> texts(Path file, JsonNode root, String key, boolean required) {
    JsonNode node = root.get(key);
    if (node == null && required) {
      throw new IllegalArgumentException(
          file + ": " + key + " is missing; name one or more, for example " + key + ": [...]");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode element : list(node)) {
      if (!element.isTextual()) {
        throw new IllegalArgumentException(
            file + ": " + key + " = " + node + "; must be a name or a list of names");
      }
      texts.add(element.asText());
    }
    if (required && texts.isEmpty()) {
      throw new IllegalArgumentException(file + ": " + key + " = []; must name one or more");
    }
    return texts;
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> elements = new ArrayList<>();
    if (node == null || node.isNull()) {
      return elements;
    }
    if (node.isArray()) {
      node.forEach(elements::add);
    } else {
      elements.add(node);
    }
    return elements;
  }

  /** A YAML value as the text of a {@code key=value} override: lists as {@code [a,b]}. */
  static String text(JsonNode value) {
    if (value.isArray()) {
      List<String> elements = new ArrayList<>();
      value.forEach(element -> elements.add(text(element)));
      return "[" + String.join(",", elements) + "]";
    }
    return value.asText();
  }
}
