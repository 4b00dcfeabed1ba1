package io.actmix.experiments.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A cell's key: the first {@value #LENGTH} hex digits of the SHA-256 of
 *
 * <pre>
 *   kind NUL canonical(settings) NUL fold-plan digest NUL fold index
 * </pre>
 *
 * where {@code canonical} writes the settings as JSON with every object's keys sorted. Everything
 * that can change a cell's numbers is in it, and nothing else (not the engine, the workers or the
 * paths): a changed setting is a new cell, the same setting is never trained twice.
 */
public final class CellKey {

  /** Hex digits of a key: 96 bits. */
  public static final int LENGTH = 24;

  private static final ObjectMapper JSON = new ObjectMapper();

  private CellKey() {}

  /** The key of a cell. */
  public static String of(String kind, JsonNode settings, String foldPlanDigest, int fold) {
    String text = kind + '\0' + canonical(settings) + '\0' + foldPlanDigest + '\0' + fold;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** {@code node} as compact JSON with every object's keys sorted. */
  public static String canonical(JsonNode node) {
    try {
      return JSON.writeValueAsString(sorted(node));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("settings cannot be written as JSON", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      names.forEach(name -> copy.set(name, sorted(node.get(name))));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }
}
