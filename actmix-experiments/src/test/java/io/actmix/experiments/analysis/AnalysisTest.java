package io.actmix.experiments.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actmix.layer.ActMixLayer;
import io.actmix.layer.ActMixLayers;
import io.actmix.layer.BasisFunction;
import io.actmix.layer.MixingSnapshot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The analysis of a hand-built model: over bases (sin, relu) at T = 0.5, the logit rows (0, 0), (ln
 * 3 / 2, 0) and (0, ln 9 / 2) give α = (1/2, 1/2), (3/4, 1/4) and (1/10, 9/10).
 */
class AnalysisTest {

  private static final double[][] LOGITS = {{0, 0}, {Math.log(3) / 2, 0}, {0, Math.log(9) / 2}};

  @TempDir Path directory;

  @BeforeAll
  static void doublePrecision() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  @Test
  void statistics_knownMixing_areExact() {
    LayerStatistics statistics = LayerStatistics.of(ActMixLayers.mixing(knownModel()).get(0));

    double[] h = {
      Math.log(2),
      -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)),
      -(0.1 * Math.log(0.1) + 0.9 * Math.log(0.9))
    };
    double mean = (h[0] + h[1] + h[2]) / 3;
    double std =
        Math.sqrt(
            ((h[0] - mean) * (h[0] - mean)
                    + (h[1] - mean) * (h[1] - mean)
                    + (h[2] - mean) * (h[2] - mean))
                / 3);
    LayerStatistics expected =
        new LayerStatistics(
            1,
            3,
            0.5,
            Math.log(2),
            Map.of("mean", mean, "std", std, "min", h[2], "max", h[0]),
            Map.of("sin", 2, "relu", 1),
            Map.of("sin", 1.35, "relu", 1.65),
            new double[] {0.5, 0.75, 0.9});
    assertTrue(close(expected, statistics), "expected " + expected + ", was " + statistics);
  }

  @Test
  void run_savedActMixModelWithHistory_writesValidNonBlankPngs() throws IOException {
    Path checkpoint = saveKnownModelWithHistory();

    List<Path> written = Analysis.run(checkpoint, directory.resolve("out"));

    List<Path> images = written.stream().filter(p -> p.toString().endsWith(".png")).toList();
    // One layer: heatmap and entropy, five model-wide plots, two of the history.
    assertEquals(9, images.size(), images.toString());
    for (Path image : images) {
      BufferedImage picture = ImageIO.read(image.toFile());
      assertEquals(
          List.of(MixingPlots.WIDTH, MixingPlots.HEIGHT, true),
          List.of(picture.getWidth(), picture.getHeight(), colours(picture) > 8),
          image.getFileName().toString());
    }
  }

  @Test
  void run_savedModel_indexReferencesExactlyTheImagesWritten() throws IOException {
    Path checkpoint = saveKnownModelWithHistory();
    Path out = directory.resolve("out");

    Analysis.run(checkpoint, out);

    Set<String> referenced = new TreeSet<>();
    Matcher sources =
        Pattern.compile("src=\"([^\"]+)\"").matcher(Files.readString(out.resolve(Analysis.INDEX)));
    while (sources.find()) {
      referenced.add(sources.group(1));
    }
    Set<String> images = new TreeSet<>();
    try (Stream<Path> files = Files.list(out)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".png"))
          .forEach(images::add);
    }
    assertEquals(images, referenced);
  }

  @Test
  void run_modelWithoutActMix_failsNamingItsLayersAndWritesNothing() throws IOException {
    Path checkpoint = directory.resolve("relu.zip");
    ModelSerializer.writeModel(
        model(new DenseLayer.Builder().nOut(3).activation(Activation.RELU).build()),
        checkpoint.toFile(),
        false);
    Path out = directory.resolve("out");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Analysis.run(checkpoint, out));

    assertEquals(
        List.of(
            "analyze: checkpoint = "
                + checkpoint
                + "; the network has no ActMixLayer (layers: DenseLayer, DenseLayer, OutputLayer);"
                + " analyze needs an mlp_actmix model",
            false),
        List.of(error.getMessage(), Files.exists(out)));
  }

  @Test
  void run_missingCheckpoint_failsAndWritesNothing() {
    Path checkpoint = directory.resolve("absent.zip");
    Path out = directory.resolve("out");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Analysis.run(checkpoint, out));

    assertEquals(
        List.of(
            "analyze: checkpoint = "
                + checkpoint
                + "; file not found; train one first, for example with the train command, and"
                + " pass experiments/mlp_actmix_<dataset>/checkpoints/best.zip",
            false),
        List.of(error.getMessage(), Files.exists(out)));
  }

  @Test
  void run_corruptCheckpoint_failsAndWritesNothing() throws IOException {
    Path checkpoint = Files.writeString(directory.resolve("corrupt.zip"), "not a zip at all");
    Path out = directory.resolve("out");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Analysis.run(checkpoint, out));

    assertEquals(
        List.of(true, false),
        List.of(
            error
                .getMessage()
                .startsWith(
                    "analyze: checkpoint = "
                        + checkpoint
                        + "; cannot be read as a saved DL4J MultiLayerNetwork"),
            Files.exists(out)));
  }

  private Path saveKnownModelWithHistory() throws IOException {
    Path checkpoint = directory.resolve("best.zip");
    ModelSerializer.writeModel(knownModel(), checkpoint.toFile(), false);
    MixingHistoryFile.write(
        directory.resolve(MixingHistoryFile.FILE_NAME),
        List.of(
            new MixingSnapshot(
                0, 1.0, 0.0, List.of(new MixingSnapshot.Layer(1, new double[] {0.4, 0.6}, 0.6))),
            new MixingSnapshot(
                1,
                0.5,
                0.01,
                List.of(new MixingSnapshot.Layer(1, new double[] {0.45, 0.55}, 0.4)))));
    return checkpoint;
  }

  private static MultiLayerNetwork knownModel() {
    MultiLayerNetwork network =
        model(
            new ActMixLayer.Builder()
                .basisFunctions(BasisFunction.SIN, BasisFunction.RELU)
                .temperature(0.5)
                .build());
    ((org.deeplearning4j.nn.api.Layer) ActMixLayers.of(network).get(0))
        .getParam(ActMixLayer.LOGITS)
        .assign(Nd4j.create(LOGITS));
    return network;
  }

  private static MultiLayerNetwork model(Layer activation) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.DOUBLE)
                .list()
                .layer(new DenseLayer.Builder().nOut(3).activation(Activation.IDENTITY).build())
                .layer(activation)
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nOut(1)
                        .activation(Activation.IDENTITY)
                        .build())
                .setInputType(InputType.feedForward(2))
                .build());
    network.init();
    return network;
  }

  private static boolean close(LayerStatistics expected, LayerStatistics actual) {
    for (String key : expected.entropy().keySet()) {
      if (Math.abs(expected.entropy().get(key) - actual.entropy().get(key)) > 1e-14) {
        return false;
      }
    }
    for (String key : expected.basisMass().keySet()) {
      if (Math.abs(expected.basisMass().get(key) - actual.basisMass().get(key)) > 1e-14) {
        return false;
      }
    }
    double[] a = expected.maxAlpha();
    double[] b = actual.maxAlpha();
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > 1e-14) {
        return false;
      }
    }
    return expected.dominantCounts().equals(actual.dominantCounts())
        && expected.temperature() == actual.temperature();
  }

  private static int colours(BufferedImage picture) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < picture.getHeight(); y += 4) {
      for (int x = 0; x < picture.getWidth(); x += 4) {
        seen.add(picture.getRGB(x, y));
      }
    }
    return seen.size();
  }

  @Test
  void extremeNeurons_fewerThanSixNeurons_listsEachOnceByEntropy() {
    List<MixingPlots.NeuronRef> neurons =
        MixingPlots.extremeNeurons(ActMixLayers.mixing(knownModel()));

    assertFalse(neurons.isEmpty());
    assertEquals(List.of(2, 1, 0), neurons.stream().map(MixingPlots.NeuronRef::index).toList());
  }
}
