package io.actmix.experiments.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.actmix.layer.BasisFunction;
import io.actmix.layer.LayerMixing;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of one ActMix layer, as {@code layer_statistics.json} holds them.
 *
 * @param layerIndex the layer's index in its network
 * @param neurons the number of neurons
 * @param temperature the temperature at which the model was saved
 * @param maxEntropy {@code ln K}, the entropy of a uniform mixture of the K bases
 * @param entropy the neurons' entropy in nats: mean, population std, min, max
 * @param dominantCounts per basis, the neurons whose largest α is that basis
 * @param basisMass per basis, the sum of its α over the layer's neurons
 * @param maxAlpha every neuron's largest α, in neuron order
 */
public record LayerStatistics(
    @JsonProperty("layer_index") int layerIndex,
    @JsonProperty("neurons") int neurons,
    @JsonProperty("temperature") double temperature,
    @JsonProperty("max_entropy") double maxEntropy,
    @JsonProperty("entropy") Map<String, Double> entropy,
    @JsonProperty("dominant_counts") Map<String, Integer> dominantCounts,
    @JsonProperty("basis_mass") Map<String, Double> basisMass,
    @JsonProperty("max_alpha") double[] maxAlpha) {

  /** The statistics of {@code mixing}. */
  public static LayerStatistics of(LayerMixing mixing) {
    double[] entropy = mixing.entropy();
    double mean = Arrays.stream(entropy).average().orElse(Double.NaN);
    double variance =
        Arrays.stream(entropy).map(h -> (h - mean) * (h - mean)).sum() / entropy.length;
    Map<String, Double> entropySummary = new LinkedHashMap<>();
    entropySummary.put("mean", mean);
    entropySummary.put("std", Math.sqrt(variance));
    entropySummary.put("min", Arrays.stream(entropy).min().orElse(Double.NaN));
    entropySummary.put("max", Arrays.stream(entropy).max().orElse(Double.NaN));
    List<BasisFunction> bases = mixing.bases();
    Map<String, Integer> dominant = new LinkedHashMap<>();
    Map<String, Double> mass = new LinkedHashMap<>();
    double[] basisMass = mixing.basisMass();
    int[] dominantCounts = mixing.dominantCounts();
    for (int k = 0; k < bases.size(); k++) {
      BasisFunction basis = bases.get(k);
      dominant.put(basis.label(), dominantCounts[k]);
      mass.put(basis.label(), basisMass[k]);
    }
    double[] maxAlpha = new double[mixing.neurons()];
    for (int j = 0; j < maxAlpha.length; j++) {
      maxAlpha[j] = mixing.maxAlpha(j);
    }
    return new LayerStatistics(
        mixing.layerIndex(),
        mixing.neurons(),
        mixing.temperature(),
        mixing.maxEntropy(),
        entropySummary,
        dominant,
        mass,
        maxAlpha);
  }

  @Override
  public double[] maxAlpha() {
    return maxAlpha.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LayerStatistics that
        && layerIndex == that.layerIndex
        && neurons == that.neurons
        && Double.compare(temperature, that.temperature) == 0
        && Double.compare(maxEntropy, that.maxEntropy) == 0
        && entropy.equals(that.entropy)
        && dominantCounts.equals(that.dominantCounts)
        && basisMass.equals(that.basisMass)
        && Arrays.equals(maxAlpha, that.maxAlpha);
  }

  @Override
  public int hashCode() {
    return layerIndex * 31 + Arrays.hashCode(maxAlpha);
  }

  @Override
  public String toString() {
    return "LayerStatistics(layer "
        + layerIndex
        + ", "
        + neurons
        + " neurons, entropy "
        + entropy
        + ", dominant "
        + dominantCounts
        + ")";
  }
}
