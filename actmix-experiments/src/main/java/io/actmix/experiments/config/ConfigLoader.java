package io.actmix.experiments.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.actmix.experiments.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resolves the configuration of {@code config/} with command-line overrides, as the reference's
 * Hydra setup did:
 *
 * <ul>
 *   <li>{@code config.yaml} holds the defaults and names one file per group;
 *   <li>a group choice ({@code dataset=adult_census}, {@code model=mlp_relu}, {@code
 *       training=default}) picks {@code config/<group>/<choice>.yaml};
 *   <li>a dotted key ({@code training.max_epochs=5}, {@code seed=7}) replaces one value, parsed as
 *       the type the value already has.
 * </ul>
 *
 * <p>Everything is checked before any work starts: an unknown key fails naming the nearest valid
 * keys, an unknown group choice lists the choices, a value of the wrong type or out of range names
 * the key, the value and the rule.
 */
public final class ConfigLoader {

  /** The groups of {@code config/}, each a folder of YAML files. */
  public static final List<String> GROUPS = List.of("dataset", "model", "training");

  private static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final Path directory;

  /** Reads configuration from {@code directory} (the project's {@code config/}). */
  public ConfigLoader(Path directory) {
    this.directory = directory;
  }

  /**
   * Resolves {@code config.yaml}, its groups and {@code overrides}.
   *
   * @param overrides arguments of the form {@code key=value}
   * @throws IllegalArgumentException for any bad override or value
   */
  public ExperimentConfig load(List<String> overrides) {
    return bind(resolve(overrides), "a file of " + directory, "Configuration in " + directory);
  }

  /**
   * Binds {@code tree} to a validated configuration; a record's own check fails with its message,
   * an unknown key names {@code keysFrom}, any other problem starts with {@code what}.
   */
  private static ExperimentConfig bind(ObjectNode tree, String keysFrom, String what) {
    try {
      return YAML.treeToValue(tree, ExperimentConfig.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(cause.getMessage(), cause);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          "Unknown key '" + e.getPropertyName() + "' in " + keysFrom + "; remove it");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is invalid: " + e.getOriginalMessage(), e);
    }
  }

  /** The merged configuration tree, before binding to records. */
  ObjectNode resolve(List<String> overrides) {
    Map<String, String> values = parse(overrides);
    ObjectNode root = read(directory.resolve("config.yaml"));
    for (String group : GROUPS) {
      String choice = values.containsKey(group) ? values.remove(group) : root.path(group).asText();
      List<String> choices = choices(group);
      if (!choices.contains(choice)) {
        throw new IllegalArgumentException(
            "Unknown " + group + " '" + choice + "'; choices: " + String.join(", ", choices));
      }
      root.set(group, read(directory.resolve(group).resolve(choice + ".yaml")));
    }
    values.forEach((key, value) -> set(root, key, value));
    return root;
  }

  /**
   * Whether the dotted {@code key} holds a value in the configuration of {@code model}: {@code
   * model.actmix.relu_bias} does for {@code mlp_actmix} only, {@code training.max_epochs} for every
   * model. A group name ({@code dataset}, {@code model}, {@code training}) counts as a key.
   */
  public boolean hasKey(String model, String key) {
    if (GROUPS.contains(key)) {
      return true;
    }
    JsonNode node = resolve(List.of("model=" + model));
    for (String part : key.split("\\.", -1)) {
      node = node.get(part);
      if (node == null) {
        return false;
      }
    }
    return !node.isObject();
  }

  /** The choices of {@code group}: its YAML files, without extension, sorted. */
  public List<String> choices(String group) {
    try (Stream<Path> files = Files.list(directory.resolve(group))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .map(name -> name.substring(0, name.length() - ".yaml".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(directory.resolve(group) + ": cannot be listed", e);
    }
  }

  private static Map<String, String> parse(List<String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String override : overrides) {
      int equals = override.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "Bad argument '"
                + override
                + "'; overrides take the form key=value, for example training.max_epochs=5");
      }
      values.put(override.substring(0, equals).strip(), override.substring(equals + 1).strip());
    }
    return values;
  }

  private static ObjectNode read(Path file) {
    try {
      JsonNode node = YAML.readTree(file.toFile());
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException(file + ": must hold a mapping of keys to values");
      }
      return object;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + AtomicFiles.reason(e), e);
    }
  }

  /**
   * Sets the dotted {@code key} of {@code root} to {@code text}, typed as the value it replaces.
   */
  private static void set(ObjectNode root, String key, String text) {
    String[] parts = key.split("\\.", -1);
    ObjectNode parent = root;
    for (int i = 0; i < parts.length; i++) {
      JsonNode child = parent.get(parts[i]);
      if (child == null) {
        throw unknownKey(root, key);
      }
      if (i == parts.length - 1) {
        if (child.isObject()) {
          throw new IllegalArgumentException(
              key + " is a group of keys; set one of: " + String.join(", ", leafKeys(child, key)));
        }
        parent.set(parts[i], typed(key, child, text));
      } else if (child instanceof ObjectNode object) {
        parent = object;
      } else {
        throw unknownKey(root, key);
      }
    }
  }

  private static JsonNode typed(String key, JsonNode current, String text) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    try {
      if (current.isIntegralNumber()) {
        return nodes.numberNode(Long.parseLong(text));
      }
      if (current.isNumber()) {
        return nodes.numberNode(Double.parseDouble(text));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key
              + " = '"
              + text
              + "'; must be "
              + (current.isIntegralNumber() ? "an integer" : "a number"));
    }
    if (current.isBoolean()) {
      if (!text.equals("true") && !text.equals("false")) {
        throw new IllegalArgumentException(key + " = '" + text + "'; must be true or false");
      }
      return nodes.booleanNode(Boolean.parseBoolean(text));
    }
    if (current.isArray()) {
      String inner =
          text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
      ArrayNode array = nodes.arrayNode();
      JsonNode element = current.isEmpty() ? nodes.textNode("") : current.get(0);
      for (String item : inner.split(",")) {
        if (!item.isBlank()) {
          array.add(typed(key + "[]", element, item.strip()));
        }
      }
      return array;
    }
    return nodes.textNode(text);
  }

  private static IllegalArgumentException unknownKey(ObjectNode root, String key) {
    List<String> valid = leafKeys(root, "");
    List<String> nearest =
        valid.stream()
            .filter(candidate -> nearness(candidate, key) <= 3)
            .sorted(Comparator.comparingInt((String candidate) -> nearness(candidate, key)))
            .limit(3)
            .toList();
    List<String> groups = new ArrayList<>(GROUPS);
    String hint =
        nearest.isEmpty()
            ? "valid keys: " + String.join(", ", groupsThenLeaves(groups, valid))
            : "did you mean " + String.join(" or ", nearest) + "?";
    return new IllegalArgumentException("Unknown key '" + key + "'; " + hint);
  }

  private static List<String> groupsThenLeaves(List<String> groups, List<String> leaves) {
    List<String> all = new ArrayList<>(groups);
    all.addAll(leaves);
    return all;
  }

  /** Every dotted key that holds a value (not a mapping) under {@code node}. */
  private static List<String> leafKeys(JsonNode node, String prefix) {
    List<String> keys = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (field.getValue().isObject()) {
        keys.addAll(leafKeys(field.getValue(), key));
      } else {
        keys.add(key);
      }
    }
    return keys;
  }

  /**
   * How far {@code key} is from {@code candidate}: the edit distance to the whole dotted key or to
   * its last part, so that {@code learning_rate} finds {@code training.learning_rate}.
   */
  private static int nearness(String candidate, String key) {
    String last = candidate.substring(candidate.lastIndexOf('.') + 1);
    return Math.min(distance(candidate, key), distance(last, key));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The resolved configuration as YAML, saved beside every result. */
  public static String toYaml(ExperimentConfig config) {
    try {
      return YAML.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("ExperimentConfig cannot be written as YAML", e);
    }
  }

  /** The configuration as a tree of its YAML keys. */
  public static ObjectNode toTree(ExperimentConfig config) {
    return YAML.valueToTree(config);
  }

  /**
   * The configuration of a tree of {@link #toTree}, validated.
   *
   * @throws IllegalArgumentException for a tree that is not a valid configuration
   */
  public static ExperimentConfig fromTree(ObjectNode tree) {
    return bind(tree, "a saved configuration", "Saved configuration");
  }

  /** Reads a configuration saved by {@link #toYaml}. */
  public static ExperimentConfig fromYaml(String yaml) {
    try {
      return YAML.readValue(yaml, ExperimentConfig.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Saved configuration is invalid: " + e.getOriginalMessage(), e);
    }
  }
}
