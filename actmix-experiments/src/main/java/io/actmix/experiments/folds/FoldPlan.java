package io.actmix.experiments.folds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;

/**
 * Which rows every fold trains, validates and tests on: a value computed from the dataset's row
 * count, its class labels (for stratification), the number of folds and a seed, with a digest.
 *
 * <p>Rows are put in a seeded order, grouped by class (in label order) and shuffled inside each
 * class by a Fisher–Yates shuffle driven by {@link Random} (whose algorithm Java specifies, so the
 * plan is the same on any machine). Position {@code i} of that order goes to test fold {@code i mod
 * k}: fold sizes differ by at most one, and so does each class's count across folds. Inside each
 * fold's training part the same construction, with a seed derived from the fold, sends every 9th
 * position to validation: 1/9 of the part, stratified.
 *
 * <p>A single split ({@link #holdout}) is the same with 10 positions: one to test, and then 1/9 of
 * the rest to validation, which gives 80/10/10.
 */
public final class FoldPlan {

  /** The inner validation split takes one row in this many of a fold's training part. */
  public static final int VALIDATION_EVERY = 9;

  /** A single split tests one row in this many. */
  public static final int HOLDOUT_TEST_EVERY = 10;

  /** Not a test row of any fold (single split only). */
  static final int NEVER_TESTED = -1;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the plan was made. */
  public enum Kind {
    /** One 80/10/10 split. */
    HOLDOUT,
    /** k-fold cross-validation. */
    KFOLD;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String dataset;
  private final Kind kind;
  private final long seed;
  private final int k;
  private final int[] testFold;
  private final List<int[]> validation;
  private final String digest;

  private FoldPlan(
      String dataset, Kind kind, long seed, int k, int[] testFold, List<int[]> validation) {
    this.dataset = dataset;
    this.kind = kind;
    this.seed = seed;
    this.k = k;
    this.testFold = testFold;
    this.validation = validation;
    this.digest = computeDigest();
  }

  /**
   * A k-fold plan, stratified when {@code strata} is given.
   *
   * @param dataset the dataset's name, recorded in the plan
   * @param rows the number of rows
   * @param strata the class label of every row, or {@code null} for plain k-fold (regression)
   * @param k the number of folds; from 2 to the rows of the smallest class (or all rows)
   * @param seed the seed of every random choice
   * @throws IllegalArgumentException for an invalid {@code k}
   */
  public static FoldPlan kFold(String dataset, int rows, int[] strata, int k, long seed) {
    checkStrata(rows, strata);
    if (k < 2) {
      throw new IllegalArgumentException("cv_folds = " + k + "; must be >= 2");
    }
    int[] smallest = smallestClass(rows, strata);
    if (k > smallest[1]) {
      throw new IllegalArgumentException(
          "cv_folds = "
              + k
              + "; must not exceed "
              + smallest[1]
              + (strata == null
                  ? ", the number of rows"
                  : ", the rows of the smallest class (label " + smallest[0] + ")"));
    }
    int[] order = seededOrder(allRows(rows), strata, new Random(seed));
    int[] testFold = new int[rows];
    for (int position = 0; position < rows; position++) {
      testFold[order[position]] = position % k;
    }
    return new FoldPlan(
        dataset, Kind.KFOLD, seed, k, testFold, innerSplits(testFold, k, strata, seed));
  }

  /** A single stratified (when {@code strata} is given) 80/10/10 split. */
  public static FoldPlan holdout(String dataset, int rows, int[] strata, long seed) {
    checkStrata(rows, strata);
    if (rows < HOLDOUT_TEST_EVERY) {
      throw new IllegalArgumentException(
          dataset + ": rows = " + rows + "; a single split needs at least " + HOLDOUT_TEST_EVERY);
    }
    int[] order = seededOrder(allRows(rows), strata, new Random(seed));
    int[] testFold = new int[rows];
    for (int position = 0; position < rows; position++) {
      testFold[order[position]] = position % HOLDOUT_TEST_EVERY == 0 ? 0 : NEVER_TESTED;
    }
    return new FoldPlan(
        dataset, Kind.HOLDOUT, seed, 1, testFold, innerSplits(testFold, 1, strata, seed));
  }

  private static void checkStrata(int rows, int[] strata) {
    if (strata != null && strata.length != rows) {
      throw new IllegalArgumentException(
          "FoldPlan: strata length = " + strata.length + "; must equal rows = " + rows);
    }
  }

  /** {label, count} of the smallest class, or {-1, rows} without strata. */
  private static int[] smallestClass(int rows, int[] strata) {
    if (strata == null) {
      return new int[] {-1, rows};
    }
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int label : strata) {
      counts.merge(label, 1, Integer::sum);
    }
    int[] smallest = {-1, Integer.MAX_VALUE};
    counts.forEach(
        (label, count) -> {
          if (count < smallest[1]) {
            smallest[0] = label;
            smallest[1] = count;
          }
        });
    return smallest;
  }

  private static List<int[]> innerSplits(int[] testFold, int k, int[] strata, long seed) {
    List<int[]> splits = new ArrayList<>(k);
    for (int fold = 0; fold < k; fold++) {
      int[] part = rowsWhere(testFold, fold, false);
      int[] order = seededOrder(part, strata, new Random(foldSeed(seed, fold)));
      int[] chosen = new int[(order.length + VALIDATION_EVERY - 1) / VALIDATION_EVERY];
      for (int position = 0; position < order.length; position += VALIDATION_EVERY) {
        chosen[position / VALIDATION_EVERY] = order[position];
      }
      Arrays.sort(chosen);
      splits.add(chosen);
    }
    return splits;
  }

  /** A seed for fold {@code fold}'s inner split, distinct from the plan's seed. */
  private static long foldSeed(long seed, int fold) {
    return seed * 0x9E3779B97F4A7C15L + fold + 1;
  }

  /**
   * {@code rows} grouped by stratum (ascending label; one group without strata), each group
   * shuffled, concatenated.
   */
  static int[] seededOrder(int[] rows, int[] strata, Random random) {
    TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
    for (int row : rows) {
      groups.computeIfAbsent(strata == null ? 0 : strata[row], label -> new ArrayList<>()).add(row);
    }
    int[] order = new int[rows.length];
    int next = 0;
    for (List<Integer> group : groups.values()) {
      int[] members = group.stream().mapToInt(Integer::intValue).toArray();
      shuffle(members, random);
      System.arraycopy(members, 0, order, next, members.length);
      next += members.length;
    }
    return order;
  }

  /** Fisher–Yates, from the end, with {@link Random#nextInt(int)}. */
  private static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  private static int[] allRows(int rows) {
    int[] all = new int[rows];
    Arrays.setAll(all, i -> i);
    return all;
  }

  private static int[] rowsWhere(int[] testFold, int fold, boolean inFold) {
    return java.util.stream.IntStream.range(0, testFold.length)
        .filter(row -> (testFold[row] == fold) == inFold)
        .toArray();
  }

  /** Fold {@code index}: its test rows, its validation rows, and the rest of the rows to train. */
  public Fold fold(int index) {
    if (index < 0 || index >= k) {
      throw new IllegalArgumentException(
          "FoldPlan(" + dataset + "): fold = " + index + "; must be in [0, " + (k - 1) + "]");
    }
    int[] test = rowsWhere(testFold, index, true);
    int[] validationRows = validation.get(index);
    boolean[] excluded = new boolean[testFold.length];
    for (int row : test) {
      excluded[row] = true;
    }
    for (int row : validationRows) {
      excluded[row] = true;
    }
    int[] train =
        java.util.stream.IntStream.range(0, testFold.length)
            .filter(row -> !excluded[row])
            .toArray();
    return new Fold(index, train, validationRows, test);
  }

  /** Every fold, in order. */
  public List<Fold> folds() {
    List<Fold> folds = new ArrayList<>(k);
    for (int index = 0; index < k; index++) {
      folds.add(fold(index));
    }
    return folds;
  }

  public String dataset() {
    return dataset;
  }

  public Kind kind() {
    return kind;
  }

  public long seed() {
    return seed;
  }

  /** The number of folds (1 for a single split). */
  public int k() {
    return k;
  }

  /** The number of rows the plan covers. */
  public int rows() {
    return testFold.length;
  }

  /** The test fold of every row ({@value #NEVER_TESTED} for a row a single split never tests). */
  public int[] testFold() {
    return testFold.clone();
  }

  /**
   * SHA-256 (hex) of the plan's content: dataset, kind, seed, k, the test fold of every row and
   * every fold's validation rows. Two result files computed on the same folds carry the same
   * digest.
   */
  public String digest() {
    return digest;
  }

  private String computeDigest() {
    StringBuilder canonical = new StringBuilder();
    canonical
        .append("dataset=")
        .append(dataset)
        .append(";kind=")
        .append(kind.label())
        .append(";seed=")
        .append(seed)
        .append(";k=")
        .append(k)
        .append(";test_fold=");
    for (int fold : testFold) {
      canonical.append(fold).append(',');
    }
    for (int[] rows : validation) {
      canonical.append(";validation=");
      for (int row : rows) {
        canonical.append(row).append(',');
      }
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The plan as JSON ({@code fold_plan.json}). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataset", dataset);
    root.put("kind", kind.label());
    root.put("seed", seed);
    root.put("k", k);
    root.put("rows", testFold.length);
    root.put("digest", digest);
    ArrayNode folds = root.putArray("test_fold");
    for (int fold : testFold) {
      folds.add(fold);
    }
    ArrayNode inner = root.putArray("validation");
    for (int[] rows : validation) {
      ArrayNode array = inner.addArray();
      for (int row : rows) {
        array.add(row);
      }
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a plan written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException when the JSON is malformed or its digest does not match its
   *     content
   */
  public static FoldPlan fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("fold plan: not valid JSON: " + e.getMessage(), e);
    }
    int[] testFold = ints(root.path("test_fold"));
    List<int[]> validation = new ArrayList<>();
    for (JsonNode rows : root.path("validation")) {
      validation.add(ints(rows));
    }
    FoldPlan plan =
        new FoldPlan(
            root.path("dataset").asText(),
            Kind.valueOf(root.path("kind").asText().toUpperCase(Locale.ROOT)),
            root.path("seed").asLong(),
            root.path("k").asInt(),
            testFold,
            validation);
    String recorded = root.path("digest").asText();
    if (!plan.digest.equals(recorded)) {
      throw new IllegalArgumentException(
          "fold plan: digest = "
              + recorded
              + "; does not match its content ("
              + plan.digest
              + "); the file was edited or damaged");
    }
    return plan;
  }

  private static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }

  /** Writes {@link #toJson()} to {@code file} atomically. */
  public void write(Path file) {
    AtomicFiles.writeString(file, toJson());
  }

  /** Reads a plan written by {@link #write}. */
  public static FoldPlan read(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": file not found; expected a fold_plan.json");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + AtomicFiles.reason(e), e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FoldPlan that && digest.equals(that.digest);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return "FoldPlan("
        + dataset
        + ", "
        + kind.label()
        + ", k="
        + k
        + ", seed="
        + seed
        + ", "
        + digest.substring(0, 12)
        + ")";
  }
}
