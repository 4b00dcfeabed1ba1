package io.actmix.experiments.report;

import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.analysis.ChartFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The report's pictures, PNG files in the report's folder: box plots (XChart), grouped bars
 * (XChart) and the critical-difference diagram (drawn with Java 2D, since no chart library here has
 * one). Every picture has a title, labelled axes and, where there are series, a legend.
 */
final class ReportCharts {

  /** The size of every XChart picture. */
  static final int WIDTH = 900;

  static final int HEIGHT = 500;

  /** The critical-difference diagram's width; its height grows with the models. */
  static final int CD_WIDTH = 900;

  /** The folder of the pictures, beside the report: it holds the report's pictures only. */
  static final String FOLDER = "report-images";

  private final Path directory;

  /** Pictures go to {@code <reportDirectory>/}{@value #FOLDER}. */
  ReportCharts(Path reportDirectory) {
    this.directory = reportDirectory.resolve(FOLDER);
  }

  /** The height of the critical-difference diagram of {@code models} models. */
  static int cdHeight(int models) {
    return 150 + 28 * ((models + 1) / 2);
  }

  /** A box plot of each series' values; returns the file name. */
  String boxPlot(String name, String title, String yAxis, Map<String, List<Double>> series) {
    BoxChart chart =
        new BoxChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yAxis).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(false);
    series.forEach((label, values) -> chart.addSeries(label, values));
    return save(chart, name);
  }

  /** Grouped bars: for each layer, each basis's share of neurons. */
  String mixing(String dataset, String model, Map<String, Map<String, Double>> shares) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(dataset + ": dominant basis of " + model + "'s units")
            .xAxisTitle("ActMix layer")
            .yAxisTitle("share of neurons")
            .build();
    styled(chart);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    List<String> layers = new ArrayList<>(shares.keySet());
    List<String> bases = new ArrayList<>(shares.values().iterator().next().keySet());
    for (String basis : bases) {
      chart.addSeries(
          basis,
          layers,
          layers.stream().map(l -> (Number) shares.get(l).getOrDefault(basis, 0.0)).toList());
    }
    return save(chart, "mixing_" + dataset + "_" + model);
  }

  /** Grouped bars: for each architecture, the mean metric with each schedule. */
  String schedules(String dataset, Map<String, Map<String, Double>> byArchitecture, String metric) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(dataset + ": ActMix full against notemp")
            .xAxisTitle("architecture")
            .yAxisTitle("mean test " + metric)
            .build();
    styled(chart);
    List<String> architectures = new ArrayList<>(byArchitecture.keySet());
    List<String> schedules =
        byArchitecture.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
    double min =
        byArchitecture.values().stream()
            .flatMap(m -> m.values().stream())
            .mapToDouble(v -> v)
            .min()
            .orElse(0);
    double max =
        byArchitecture.values().stream()
            .flatMap(m -> m.values().stream())
            .mapToDouble(v -> v)
            .max()
            .orElse(1);
    double margin = Math.max((max - min) * 0.5, Math.abs(max) * 0.01);
    chart.getStyler().setYAxisMin(min - margin);
    chart.getStyler().setYAxisMax(max + margin);
    for (String schedule : schedules) {
      chart.addSeries(
          schedule,
          architectures,
          architectures.stream()
              .map(a -> (Number) byArchitecture.get(a).getOrDefault(schedule, Double.NaN))
              .toList());
    }
    return save(chart, "schedules_" + dataset);
  }

  /**
   * Demšar's critical-difference diagram: an axis of mean ranks (1, the best, on the left), each
   * model at its mean rank, and a bar under every group of models whose mean ranks lie within
   * {@code cd} of each other.
   */
  String criticalDifference(
      String dataset, List<StudyReport.ModelResult> results, double[] meanRanks, double cd) {
    int k = results.size();
    int height = cdHeight(k);
    BufferedImage image = new BufferedImage(CD_WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, CD_WIDTH, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(dataset + ": critical-difference diagram (Nemenyi, α = 0.05)", 20, 26);
    int left = 200;
    int right = CD_WIDTH - 200;
    int axis = 70;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(left, axis, right, axis);
    for (int r = 1; r <= k; r++) {
      int x = x(r, k, left, right);
      g.drawLine(x, axis - 6, x, axis);
      g.drawString(Integer.toString(r), x - 4, axis - 10);
    }
    int cdEnd = x(1 + cd, k, left, right);
    g.drawLine(x(1, k, left, right), 44, cdEnd, 44);
    g.drawString(String.format(Locale.ROOT, "CD = %.2f", cd), cdEnd + 8, 48);
    Integer[] order =
        IntStream.range(0, k)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> meanRanks[i]))
            .toArray(Integer[]::new);
    int rows = (k + 1) / 2;
    for (int position = 0; position < k; position++) {
      int model = order[position];
      boolean leftSide = position < rows;
      int row = leftSide ? position : k - 1 - position;
      int y = axis + 50 + row * 28;
      int x = x(meanRanks[model], k, left, right);
      g.drawLine(x, axis, x, y);
      String label =
          String.format(Locale.ROOT, "%s (%.2f)", results.get(model).model(), meanRanks[model]);
      if (leftSide) {
        g.drawLine(x, y, left - 10, y);
        g.drawString(label, left - 14 - g.getFontMetrics().stringWidth(label), y + 5);
      } else {
        g.drawLine(x, y, right + 10, y);
        g.drawString(label, right + 14, y + 5);
      }
    }
    g.setStroke(new BasicStroke(4f));
    g.setColor(new Color(0xC0392B));
    int bar = 0;
    int lastEnd = -1;
    for (int i = 0; i < k; i++) {
      int j = i;
      while (j + 1 < k && meanRanks[order[j + 1]] - meanRanks[order[i]] <= cd) {
        j++;
      }
      if (j > i && j > lastEnd) {
        int y = axis + 12 + 7 * (bar++ % 4);
        g.drawLine(
            x(meanRanks[order[i]], k, left, right) - 3,
            y,
            x(meanRanks[order[j]], k, left, right) + 3,
            y);
        lastEnd = j;
      }
    }
    g.dispose();
    String file = "cd_" + dataset + ".png";
    AtomicFiles.write(directory.resolve(file), out -> ImageIO.write(image, "png", out));
    return FOLDER + "/" + file;
  }

  private static int x(double rank, int k, int left, int right) {
    return (int) Math.round(left + (rank - 1) / Math.max(1, k - 1) * (right - left));
  }

  private static void styled(CategoryChart chart) {
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
  }

  private String save(Chart<?, ?> chart, String name) {
    return FOLDER + "/" + ChartFiles.savePng(chart, directory, name);
  }

  /**
   * Deletes the pictures of {@value #FOLDER} that the report no longer shows (those of an earlier,
   * partial report), so that the folder holds exactly the pictures the report references.
   */
  void deleteAllBut(List<String> shown) {
    try (var files = java.nio.file.Files.list(directory)) {
      for (Path file : files.toList()) {
        if (!shown.contains(FOLDER + "/" + file.getFileName())) {
          AtomicFiles.deleteQuietly(file);
        }
      }
    } catch (java.io.IOException e) {
      // Nothing to tidy when the folder cannot be listed; the report itself is written.
    }
  }
}
