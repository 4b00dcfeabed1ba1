package io.actmix.experiments.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a study stands: per dataset and model, the cells done, failed and pending, the time the
 * done cells took, and an estimate of the time the pending ones will take.
 *
 * <p>The estimate of a group is its pending cells times the mean seconds of its done cells (or of
 * the model's done cells on other datasets, or of all done cells), divided by the cells run at
 * once; the total is the sum of the groups'.
 */
public final class StudyStatus {

  /**
   * One dataset and model.
   *
   * @param dataset the dataset
   * @param model the model
   * @param done cells with a file
   * @param failed cells whose last run failed
   * @param pending cells neither done nor failed
   * @param seconds the done cells' training time, summed
   * @param secondsLeft the estimated wall time of the cells not done, at the given parallelism
   */
  public record Row(
      String dataset,
      String model,
      int done,
      int failed,
      int pending,
      double seconds,
      double secondsLeft) {}

  private final List<Row> rows;

  private StudyStatus(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * The status of {@code cells} in {@code store}, the pending cells run {@code parallelism} at
   * once.
   */
  public static StudyStatus of(List<CellSpec> cells, CellStore store, int parallelism) {
    Set<String> done = store.finishedKeys();
    Set<String> failed = store.failedKeys();
    Map<String, double[]> byModel = new LinkedHashMap<>();
    double[] overall = new double[2];
    Map<List<String>, List<CellSpec>> groups = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (CellSpec cell : cells) {
      groups
          .computeIfAbsent(List.of(cell.dataset(), cell.model()), g -> new ArrayList<>())
          .add(cell);
      if (done.contains(cell.key())) {
        StoredCell stored = store.cell(cell.key());
        double s = stored.outcome().seconds();
        seconds.put(cell.key(), s);
        double[] model = byModel.computeIfAbsent(cell.model(), m -> new double[2]);
        model[0] += s;
        model[1]++;
        overall[0] += s;
        overall[1]++;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<List<String>, List<CellSpec>> group : groups.entrySet()) {
      int doneCells = 0;
      int failedCells = 0;
      double spent = 0;
      for (CellSpec cell : group.getValue()) {
        if (done.contains(cell.key())) {
          doneCells++;
          spent += seconds.get(cell.key());
        } else if (failed.contains(cell.key())) {
          failedCells++;
        }
      }
      int left = group.getValue().size() - doneCells;
      double[] model = byModel.get(group.getKey().get(1));
      double mean =
          doneCells > 0
              ? spent / doneCells
              : model != null
                  ? model[0] / model[1]
                  : overall[1] > 0 ? overall[0] / overall[1] : Double.NaN;
      rows.add(
          new Row(
              group.getKey().get(0),
              group.getKey().get(1),
              doneCells,
              failedCells,
              left - failedCells,
              spent,
              left == 0 ? 0 : mean * left / parallelism));
    }
    return new StudyStatus(rows);
  }

  public List<Row> rows() {
    return rows;
  }

  /** The status as a Markdown table, with a total row. */
  public String toMarkdown() {
    StringBuilder table = new StringBuilder();
    table.append(
        "| dataset | model | done | failed | pending | time in cells | wall time left (est.) |\n");
    table.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
    int done = 0;
    int failed = 0;
    int pending = 0;
    double spent = 0;
    double left = 0;
    for (Row row : rows) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %d | %s | %s |%n",
              row.dataset(),
              row.model(),
              row.done(),
              row.failed(),
              row.pending(),
              Durations.format(row.seconds()),
              Durations.format(row.secondsLeft())));
      done += row.done();
      failed += row.failed();
      pending += row.pending();
      spent += row.seconds();
      left += row.secondsLeft();
    }
    table.append(
        String.format(
            Locale.ROOT,
            "| all | | %d | %d | %d | %s | %s |%n",
            done,
            failed,
            pending,
            Durations.format(spent),
            Durations.format(left)));
    return table.toString();
  }
}
