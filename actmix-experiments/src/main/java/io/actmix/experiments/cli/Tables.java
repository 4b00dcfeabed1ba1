package io.actmix.experiments.cli;

import io.actmix.experiments.metrics.Summary;
import io.actmix.experiments.results.CvResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text tables of cross-validation results. */
public final class Tables {

  private Tables() {}

  /** metric | mean ± std | min | max, one row per metric. */
  public static String summary(CvResults results) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"metric", "mean ± std", "min", "max"});
    for (Map.Entry<String, Summary> entry : results.aggregates().entrySet()) {
      Summary summary = entry.getValue();
      rows.add(
          new String[] {
            entry.getKey(),
            format(summary.mean()) + " ± " + format(summary.std()),
            format(summary.min()),
            format(summary.max())
          });
    }
    return render(rows);
  }

  /** One row per metric, one column per model: mean ± std. */
  static String comparison(List<CvResults> results) {
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[results.size() + 1];
    header[0] = "metric";
    for (int m = 0; m < results.size(); m++) {
      header[m + 1] = results.get(m).model();
    }
    rows.add(header);
    for (String metric : results.get(0).aggregates().keySet()) {
      String[] row = new String[results.size() + 1];
      row[0] = metric;
      for (int m = 0; m < results.size(); m++) {
        Summary summary = results.get(m).aggregates().get(metric);
        row[m + 1] = format(summary.mean()) + " ± " + format(summary.std());
      }
      rows.add(row);
    }
    return render(rows);
  }

  /**
   * A metric value for tables: four decimals, or three significant digits when very small or large.
   */
  public static String format(double value) {
    double magnitude = Math.abs(value);
    if (Double.isNaN(value)) {
      return "NaN";
    }
    return magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5)
        ? String.format(Locale.ROOT, "%.3e", value)
        : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String render(List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns; c++) {
        String cell = rows.get(r)[c];
        out.append(c == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[c] - cell.length()));
      }
      out.append('\n');
      if (r == 0) {
        for (int c = 0; c < columns; c++) {
          out.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
