package io.actmix.experiments.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code index.html}: every figure with its caption, and the statistics table; no network use. */
final class AnalysisPage {

  private AnalysisPage() {}

  static String html(
      Path checkpoint,
      List<LayerStatistics> statistics,
      List<Analysis.Figure> figures,
      boolean history) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>ActMix analysis</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}\n")
        .append("figure{margin:2em 0}img{max-width:100%;border:1px solid #ddd}\n")
        .append("figcaption{color:#444}table{border-collapse:collapse}\n")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}\n")
        .append("</style>\n</head>\n<body>\n<h1>What each neuron learned</h1>\n")
        .append("<p>Model: <code>")
        .append(escape(checkpoint.toString()))
        .append("</code>. ")
        .append(
            history
                ? "The training history was found beside the checkpoint."
                : "No mixing_history.json beside the checkpoint: no plots of the training history.")
        .append("</p>\n<h2>Statistics</h2>\n<table>\n<tr><th>layer</th><th>neurons</th><th>T</th>")
        .append("<th>entropy mean ± std (min–max), nats</th><th>ln K</th><th>dominant basis")
        .append(" (neurons)</th><th>basis mass</th></tr>\n");
    for (LayerStatistics layer : statistics) {
      Map<String, Double> entropy = layer.entropy();
      page.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%d</td><td>%d</td><td>%.4g</td><td>%.3f ± %.3f (%.3f–%.3f)</td><td>%.3f</td>"
                  + "<td>%s</td><td>%s</td></tr>%n",
              layer.layerIndex(),
              layer.neurons(),
              layer.temperature(),
              entropy.get("mean"),
              entropy.get("std"),
              entropy.get("min"),
              entropy.get("max"),
              layer.maxEntropy(),
              escape(layer.dominantCounts().toString()),
              escape(format(layer.basisMass()))));
    }
    page.append("</table>\n");
    for (Analysis.Figure figure : figures) {
      page.append("<figure>\n<h2>")
          .append(escape(figure.title()))
          .append("</h2>\n<img src=\"")
          .append(escape(figure.file()))
          .append("\" alt=\"")
          .append(escape(figure.title()))
          .append("\">\n<figcaption>")
          .append(escape(figure.caption()))
          .append("</figcaption>\n</figure>\n");
    }
    return page.append("</body>\n</html>\n").toString();
  }

  private static String format(Map<String, Double> mass) {
    StringBuilder out = new StringBuilder();
    mass.forEach(
        (basis, value) ->
            out.append(out.length() == 0 ? "" : ", ")
                .append(basis)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.1f", value)));
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
