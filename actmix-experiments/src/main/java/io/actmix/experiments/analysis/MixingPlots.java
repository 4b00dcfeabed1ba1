package io.actmix.experiments.analysis;

import io.actmix.layer.BasisFunction;
import io.actmix.layer.LayerMixing;
import io.actmix.layer.MixingSnapshot;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a trained ActMix network, drawn with XChart and written as PNG files of {@value
 * #WIDTH}×{@value #HEIGHT} pixels. Each method writes one file and returns its name.
 */
final class MixingPlots {

  static final int WIDTH = 960;
  static final int HEIGHT = 560;

  /** Where the effective activation curves are drawn. */
  static final double CURVE_LIMIT = 5.0;

  private static final int HISTOGRAM_BINS = 20;

  private final Path directory;

  MixingPlots(Path directory) {
    this.directory = directory;
  }

  /** Mixing coefficients α of every neuron (rows, sorted by dominant basis) and basis. */
  String heatmap(LayerMixing mixing) {
    List<String> bases = labels(mixing.bases());
    double[][] alpha = mixing.alpha();
    Integer[] order = neuronsByDominantBasis(mixing);
    List<Integer> rows = IntStream.range(0, order.length).boxed().toList();
    List<Number[]> cells = new ArrayList<>();
    for (int row = 0; row < order.length; row++) {
      for (int k = 0; k < bases.size(); k++) {
        cells.add(new Number[] {k, row, alpha[order[row]][k]});
      }
    }
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(
                "Mixing coefficients α, layer "
                    + mixing.layerIndex()
                    + " (T = "
                    + fmt(mixing.temperature())
                    + ")")
            .xAxisTitle("basis function")
            .yAxisTitle("neuron (sorted by dominant basis)")
            .build();
    chart.getStyler().setMin(0).setMax(1);
    chart
        .getStyler()
        .setRangeColors(new Color[] {Color.WHITE, new Color(70, 130, 180), new Color(8, 29, 88)});
    chart.getStyler().setYAxisTicksVisible(false);
    chart.getStyler().setLegendVisible(true);
    chart.addSeries("α", bases, rows, cells);
    return save(chart, "heatmap_layer" + mixing.layerIndex());
  }

  /** Histogram of the neurons' entropy, with the mean and the maximum ln K marked. */
  String entropyHistogram(LayerMixing mixing) {
    double maximum = mixing.maxEntropy();
    XYChart chart =
        xy("Neuron entropy, layer " + mixing.layerIndex(), "entropy H_j (nats)", "neurons");
    addHistogram(chart, "neurons", mixing.entropy(), 0, maximum);
    addVertical(chart, "mean H = " + fmt(mixing.meanEntropy()), mixing.meanEntropy(), Color.RED);
    addVertical(chart, "ln K = " + fmt(maximum), maximum, Color.DARK_GRAY);
    return save(chart, "entropy_layer" + mixing.layerIndex());
  }

  /** Per layer, the share of neurons whose largest α is each basis. */
  String dominantShare(List<LayerMixing> mixings) {
    CategoryChart chart =
        category("Dominant basis per neuron", "basis function", "share of the layer's neurons");
    for (LayerMixing mixing : mixings) {
      List<Double> shares = new ArrayList<>();
      for (int count : mixing.dominantCounts()) {
        shares.add(count / (double) mixing.neurons());
      }
      chart.addSeries("layer " + mixing.layerIndex(), labels(mixing.bases()), shares);
    }
    return save(chart, "dominant_basis");
  }

  /** α of the three lowest- and three highest-entropy neurons of the network. */
  String extremeNeuronCoefficients(List<NeuronRef> neurons) {
    CategoryChart chart =
        category("Mixing of the 3 lowest- and 3 highest-entropy neurons", "basis function", "α");
    for (NeuronRef neuron : neurons) {
      double[] alpha = neuron.mixing().alpha()[neuron.index()];
      chart.addSeries(
          neuron.label(), labels(neuron.mixing().bases()), Arrays.stream(alpha).boxed().toList());
    }
    return save(chart, "neuron_coefficients");
  }

  /** The effective activations f_j(z) of the same neurons on [−5, 5]. */
  String activationCurves(List<NeuronRef> neurons) {
    XYChart chart = xy("Effective activation f_j(z) = Σ_k α_jk φ_k(z)", "z", "f_j(z)");
    double[] grid =
        IntStream.rangeClosed(0, 200)
            .mapToDouble(i -> -CURVE_LIMIT + i * 2 * CURVE_LIMIT / 200)
            .toArray();
    for (NeuronRef neuron : neurons) {
      XYSeries series =
          chart.addSeries(
              neuron.label(), grid, neuron.mixing().activationCurve(neuron.index(), grid));
      series.setMarker(SeriesMarkers.NONE);
      if (neuron.highEntropy()) {
        series.setLineStyle(SeriesLines.DASH_DASH);
      }
    }
    return save(chart, "activation_curves");
  }

  /** Per layer, the total α of each basis, stacked. */
  String basisMass(List<LayerMixing> mixings) {
    CategoryChart chart =
        category("Basis mass per layer", "layer", "Σ_j α_jk over the layer's neurons");
    chart.getStyler().setStacked(true);
    List<String> layers = mixings.stream().map(m -> "layer " + m.layerIndex()).toList();
    List<BasisFunction> bases = mixings.get(0).bases();
    for (int k = 0; k < bases.size(); k++) {
      int column = k;
      chart.addSeries(
          bases.get(k).label(),
          layers,
          mixings.stream().map(m -> (Number) m.basisMass()[column]).toList());
    }
    return save(chart, "basis_mass");
  }

  /** Histogram of every neuron's largest α, with 1/K (uniform) and 1 (one basis) marked. */
  String specializationSpectrum(List<LayerMixing> mixings) {
    double[] maxAlpha =
        mixings.stream()
            .flatMapToDouble(m -> IntStream.range(0, m.neurons()).mapToDouble(m::maxAlpha))
            .toArray();
    double uniform = 1.0 / mixings.get(0).bases().size();
    XYChart chart = xy("Specialization spectrum (all layers)", "largest α of a neuron", "neurons");
    addHistogram(chart, "neurons", maxAlpha, uniform, 1.0);
    addVertical(chart, "1/K = " + fmt(uniform), uniform, Color.DARK_GRAY);
    addVertical(chart, "1 (a single basis)", 1.0, Color.RED);
    return save(chart, "specialization_spectrum");
  }

  /** Each basis's mean α per epoch and layer, with T and λ on a second axis. */
  String basisShareEvolution(List<MixingSnapshot> history, List<BasisFunction> bases) {
    XYChart chart = xy("Basis shares during training", "epoch", "mean α over the layer's neurons");
    double[] epochs = history.stream().mapToDouble(MixingSnapshot::epoch).toArray();
    int layers = history.get(0).layers().size();
    for (int l = 0; l < layers; l++) {
      for (int k = 0; k < bases.size(); k++) {
        int layer = l;
        int basis = k;
        double[] share =
            history.stream().mapToDouble(s -> s.layers().get(layer).basisShare()[basis]).toArray();
        XYSeries series =
            chart.addSeries(
                bases.get(k).label() + ", layer " + history.get(0).layers().get(l).layerIndex(),
                epochs,
                share);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(l == 0 ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
      }
    }
    addSchedules(chart, history, epochs);
    return save(chart, "evolution_basis_share");
  }

  /** Each layer's mean entropy per epoch, with T and λ on a second axis. */
  String entropyEvolution(List<MixingSnapshot> history) {
    XYChart chart = xy("Mean neuron entropy during training", "epoch", "mean entropy (nats)");
    double[] epochs = history.stream().mapToDouble(MixingSnapshot::epoch).toArray();
    for (int l = 0; l < history.get(0).layers().size(); l++) {
      int layer = l;
      XYSeries series =
          chart.addSeries(
              "entropy, layer " + history.get(0).layers().get(l).layerIndex(),
              epochs,
              history.stream().mapToDouble(s -> s.layers().get(layer).meanEntropy()).toArray());
      series.setMarker(SeriesMarkers.NONE);
    }
    addSchedules(chart, history, epochs);
    return save(chart, "evolution_entropy");
  }

  private static void addSchedules(XYChart chart, List<MixingSnapshot> history, double[] epochs) {
    XYSeries temperature =
        chart.addSeries(
            "T (right axis)",
            epochs,
            history.stream().mapToDouble(MixingSnapshot::temperature).toArray());
    XYSeries lambda =
        chart.addSeries(
            "λ × 100 (right axis)",
            epochs,
            history.stream().mapToDouble(s -> 100 * s.lambda()).toArray());
    for (XYSeries series : List.of(temperature, lambda)) {
      series.setYAxisGroup(1);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineStyle(SeriesLines.DOT_DOT);
    }
    temperature.setLineColor(Color.BLACK);
    lambda.setLineColor(Color.GRAY);
    chart.setYAxisGroupTitle(1, "T, λ × 100");
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
  }

  /** A neuron of some layer, for the extreme-entropy plots. */
  record NeuronRef(LayerMixing mixing, int index, boolean highEntropy) {
    String label() {
      return String.format(
          Locale.ROOT,
          "layer %d neuron %d (H = %.2f)",
          mixing.layerIndex(),
          index,
          mixing.entropy()[index]);
    }
  }

  /** The three lowest- then the three highest-entropy neurons over all layers. */
  static List<NeuronRef> extremeNeurons(List<LayerMixing> mixings) {
    List<NeuronRef> all = new ArrayList<>();
    for (LayerMixing mixing : mixings) {
      for (int j = 0; j < mixing.neurons(); j++) {
        all.add(new NeuronRef(mixing, j, false));
      }
    }
    all.sort(Comparator.comparingDouble(n -> n.mixing().entropy()[n.index()]));
    List<NeuronRef> chosen = new ArrayList<>(all.subList(0, Math.min(3, all.size())));
    for (int i = Math.max(3, all.size() - 3); i < all.size(); i++) {
      chosen.add(new NeuronRef(all.get(i).mixing(), all.get(i).index(), true));
    }
    return chosen;
  }

  private static Integer[] neuronsByDominantBasis(LayerMixing mixing) {
    List<BasisFunction> bases = mixing.bases();
    return IntStream.range(0, mixing.neurons())
        .boxed()
        .sorted(
            Comparator.comparingInt((Integer j) -> bases.indexOf(mixing.dominantBasis(j)))
                .thenComparingDouble(j -> -mixing.maxAlpha(j)))
        .toArray(Integer[]::new);
  }

  private static void addHistogram(
      XYChart chart, String name, double[] values, double low, double high) {
    double width = (high - low) / HISTOGRAM_BINS;
    double[] counts = new double[HISTOGRAM_BINS];
    for (double value : values) {
      int bin = (int) Math.floor((value - low) / width);
      counts[Math.min(Math.max(bin, 0), HISTOGRAM_BINS - 1)]++;
    }
    // A step outline: each bin's count held across its width.
    double[] x = new double[2 * HISTOGRAM_BINS + 2];
    double[] y = new double[x.length];
    x[0] = low;
    for (int b = 0; b < HISTOGRAM_BINS; b++) {
      x[2 * b + 1] = low + b * width;
      y[2 * b + 1] = counts[b];
      x[2 * b + 2] = low + (b + 1) * width;
      y[2 * b + 2] = counts[b];
    }
    x[x.length - 1] = high;
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Area);
    series.setMarker(SeriesMarkers.NONE);
  }

  private static void addVertical(XYChart chart, String name, double x, Color color) {
    double top =
        chart.getSeriesMap().values().stream()
            .mapToDouble(s -> Arrays.stream(s.getYData()).max().orElse(1))
            .max()
            .orElse(1);
    XYSeries series =
        chart.addSeries(name, new double[] {x, x}, new double[] {0, Math.max(top, 1)});
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineStyle(SeriesLines.DASH_DASH);
  }

  private static XYChart xy(String title, String xTitle, String yTitle) {
    return styled(
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build());
  }

  private static CategoryChart category(String title, String xTitle, String yTitle) {
    return styled(
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build());
  }

  /** Every chart's look: legend outside on the right, white background. */
  private static <C extends Chart<?, ?>> C styled(C chart) {
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    return chart;
  }

  private static List<String> labels(List<BasisFunction> bases) {
    return bases.stream().map(BasisFunction::label).toList();
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }

  private String save(Chart<?, ?> chart, String name) {
    return ChartFiles.savePng(chart, directory, name);
  }
}
