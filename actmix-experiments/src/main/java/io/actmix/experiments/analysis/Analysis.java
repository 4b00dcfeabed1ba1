package io.actmix.experiments.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.actmix.experiments.AtomicFiles;
import io.actmix.layer.ActMixLayers;
import io.actmix.layer.LayerMixing;
import io.actmix.layer.MixingSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The analysis of a saved ActMix model: {@code layer_statistics.json}, the plots of {@link
 * MixingPlots}, and {@code index.html}, which shows them together. When the checkpoint's folder
 * holds {@code mixing_history.json}, the evolution of the mixing during training is plotted too.
 *
 * <p>The checkpoint is checked before anything is written: a missing or unreadable file, or a
 * network without ActMix layers, fails with a message and leaves the output directory as it was.
 */
public final class Analysis {

  /** The statistics file. */
  public static final String STATISTICS = "layer_statistics.json";

  /** The page that shows everything. */
  public static final String INDEX = "index.html";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Analysis() {}

  /** A written figure: its file, title and how to read it. */
  record Figure(String file, String title, String caption) {}

  /**
   * Analyzes {@code checkpoint} into {@code outputDirectory}.
   *
   * @return the files written, the statistics and the page last
   * @throws IllegalArgumentException for a missing, unreadable or non-ActMix checkpoint
   */
  public static List<Path> run(Path checkpoint, Path outputDirectory) {
    MultiLayerNetwork network = load(checkpoint);
    List<LayerMixing> mixings = ActMixLayers.mixing(network);
    if (mixings.isEmpty()) {
      throw new IllegalArgumentException(
          "analyze: checkpoint = "
              + checkpoint
              + "; the network has no ActMixLayer (layers: "
              + String.join(
                  ", ", Arrays.stream(network.getLayers()).map(Analysis::layerName).toList())
              + "); analyze needs an mlp_actmix model");
    }
    Path historyFile = checkpoint.toAbsolutePath().getParent().resolve(MixingHistoryFile.FILE_NAME);
    List<MixingSnapshot> history =
        Files.isRegularFile(historyFile) ? MixingHistoryFile.read(historyFile) : List.of();
    System.setProperty("java.awt.headless", "true");
    try {
      Files.createDirectories(outputDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          outputDirectory + ": cannot be created: " + AtomicFiles.reason(e), e);
    }

    List<LayerStatistics> statistics = mixings.stream().map(LayerStatistics::of).toList();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("checkpoint", checkpoint.toString());
    document.put("temperature", mixings.get(0).temperature());
    document.put("layers", statistics);
    AtomicFiles.write(outputDirectory.resolve(STATISTICS), out -> JSON.writeValue(out, document));

    List<Figure> figures = figures(new MixingPlots(outputDirectory), mixings, history);
    AtomicFiles.writeString(
        outputDirectory.resolve(INDEX),
        AnalysisPage.html(checkpoint, statistics, figures, !history.isEmpty()));
    List<Path> written = new ArrayList<>();
    written.add(outputDirectory.resolve(STATISTICS));
    figures.forEach(figure -> written.add(outputDirectory.resolve(figure.file())));
    written.add(outputDirectory.resolve(INDEX));
    return written;
  }

  private static List<Figure> figures(
      MixingPlots plots, List<LayerMixing> mixings, List<MixingSnapshot> history) {
    List<Figure> figures = new ArrayList<>();
    for (LayerMixing mixing : mixings) {
      figures.add(
          new Figure(
              plots.heatmap(mixing),
              "Mixing coefficients, layer " + mixing.layerIndex(),
              "Each row is a neuron, each column a basis function; the darker the cell, the larger"
                  + " that basis's weight α in the neuron. Rows are grouped by the neuron's dominant"
                  + " basis. A single dark cell per row means the neuron uses one function."));
      figures.add(
          new Figure(
              plots.entropyHistogram(mixing),
              "Entropy of the neurons, layer " + mixing.layerIndex(),
              "How mixed each neuron is: 0 nats is a single basis function, ln K (dashed, grey) is"
                  + " an even mix of all K. The red line is the layer's mean."));
    }
    figures.add(
        new Figure(
            plots.dominantShare(mixings),
            "Dominant basis",
            "For each layer, the share of neurons whose largest weight is each basis function."));
    List<MixingPlots.NeuronRef> extremes = MixingPlots.extremeNeurons(mixings);
    figures.add(
        new Figure(
            plots.extremeNeuronCoefficients(extremes),
            "The most and least specialised neurons",
            "The weights α of the three neurons with the lowest entropy (most specialised) and the"
                + " three with the highest (most mixed), over all layers."));
    figures.add(
        new Figure(
            plots.activationCurves(extremes),
            "Effective activation functions",
            "What those six neurons compute, f(z) = Σ_k α_k φ_k(z) on [−5, 5]; dashed lines are"
                + " the high-entropy neurons."));
    figures.add(
        new Figure(
            plots.basisMass(mixings),
            "Basis mass per layer",
            "The total weight of each basis function over a layer's neurons, stacked: the height"
                + " of a bar is the layer's number of neurons."));
    figures.add(
        new Figure(
            plots.specializationSpectrum(mixings),
            "Specialization spectrum",
            "The largest weight of every neuron: 1/K (dashed, grey) is an even mix, 1 (red) a"
                + " single basis function."));
    if (!history.isEmpty()) {
      figures.add(
          new Figure(
              plots.basisShareEvolution(history, mixings.get(0).bases()),
              "Basis shares during training",
              "Each basis function's mean weight per epoch (solid: first ActMix layer, dashed:"
                  + " second), with the temperature T and the entropy weight λ (× 100) on the right"
                  + " axis."));
      figures.add(
          new Figure(
              plots.entropyEvolution(history),
              "Entropy during training",
              "Each layer's mean neuron entropy per epoch, with T and λ (× 100) on the right axis:"
                  + " as T anneals, the neurons commit to their functions."));
    }
    return figures;
  }

  private static MultiLayerNetwork load(Path checkpoint) {
    if (!Files.isRegularFile(checkpoint)) {
      throw new IllegalArgumentException(
          "analyze: checkpoint = "
              + checkpoint
              + "; file not found; train one first, for example with the train command, and pass"
              + " experiments/mlp_actmix_<dataset>/checkpoints/best.zip");
    }
    try {
      return ModelSerializer.restoreMultiLayerNetwork(checkpoint.toFile(), false);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "analyze: checkpoint = "
              + checkpoint
              + "; cannot be read as a saved DL4J MultiLayerNetwork ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  private static String layerName(Layer layer) {
    return layer.conf().getLayer().getClass().getSimpleName();
  }
}
