package io.actmix.layer;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The ActMix layers of a network (every {@link MixingLayer}), and the network's counters that the
 * schedules read. Works for a {@link MultiLayerNetwork} and a {@link ComputationGraph}.
 */
public final class ActMixLayers {

  private ActMixLayers() {}

  /**
   * The layers of {@code model} whose units mix basis functions, in layer order: every {@link
   * ActMixLayer}, and every {@link PeriodicEmbeddingLayer} with an ActMix activation.
   *
   * @throws IllegalArgumentException if {@code model} is neither a MultiLayerNetwork nor a
   *     ComputationGraph
   */
  public static List<MixingLayer> of(Model model) {
    List<MixingLayer> found = new ArrayList<>();
    for (Layer layer : layersOf(model)) {
      if (layer instanceof MixingLayer actMix) {
        found.add(actMix);
      }
    }
    return List.copyOf(found);
  }

  /** {@link LayerMixing} of every ActMix layer of {@code model}, in layer order. */
  public static List<LayerMixing> mixing(Model model) {
    return of(model).stream().map(MixingLayer::mixing).toList();
  }

  /**
   * The model entropy: the mean over the ActMix layers of their mean neuron entropy.
   *
   * @throws IllegalStateException if {@code model} has no ActMix layer
   */
  public static double meanEntropy(Model model) {
    return requireSome(model, "meanEntropy").stream()
        .mapToDouble(MixingLayer::meanEntropy)
        .average()
        .orElseThrow();
  }

  /** The ActMix layers of {@code model}, or an {@link IllegalStateException} naming the caller. */
  static List<MixingLayer> requireSome(Model model, String caller) {
    List<MixingLayer> layers = of(model);
    if (layers.isEmpty()) {
      throw new IllegalStateException(
          caller
              + ": the network has no ActMixLayer; add one, or leave out the ActMix listeners for"
              + " networks without it");
    }
    return layers;
  }

  /** The number of completed epochs of {@code model}: the epoch a schedule is evaluated at. */
  static int epochOf(Model model) {
    if (model instanceof MultiLayerNetwork network) {
      return network.getEpochCount();
    }
    if (model instanceof ComputationGraph graph) {
      return graph.getEpochCount();
    }
    throw unsupported(model);
  }

  /** The number of completed iterations of {@code model}. */
  static int iterationOf(Model model) {
    if (model instanceof MultiLayerNetwork network) {
      return network.getIterationCount();
    }
    if (model instanceof ComputationGraph graph) {
      return graph.getIterationCount();
    }
    throw unsupported(model);
  }

  private static Layer[] layersOf(Model model) {
    if (model instanceof MultiLayerNetwork network) {
      return network.getLayers();
    }
    if (model instanceof ComputationGraph graph) {
      return graph.getLayers();
    }
    throw unsupported(model);
  }

  private static IllegalArgumentException unsupported(Model model) {
    return new IllegalArgumentException(
        "ActMixLayers: model = "
            + (model == null ? "null" : model.getClass().getName())
            + "; must be a MultiLayerNetwork or a ComputationGraph");
  }
}
