package io.actmix.layer;

/**
 * A runtime layer whose units each mix basis functions by learned coefficients {@code α = softmax(a
 * / T)}: an {@link ActMixLayer}, or a {@link PeriodicEmbeddingLayer} with an ActMix activation. The
 * listeners drive every such layer of a network alike, {@link ActMixLayers} finds them, and the
 * entropy term {@code λ_l · H̄_l} of each is part of the training loss.
 */
public interface MixingLayer {

  /** The layer's index in its network. */
  int getIndex();

  /** The current softmax temperature {@code T}. */
  double temperature();

  /**
   * Sets the softmax temperature, as the annealing listener does at the start of each epoch.
   *
   * @param temperature finite and &gt; 0
   */
  void setTemperature(double temperature);

  /** The current entropy weight {@code λ_l} of this layer. */
  double entropyWeight();

  /**
   * Sets the entropy weight {@code λ_l} of this layer, as the warm-up listener does.
   *
   * @param entropyWeight finite and &ge; 0
   */
  void setEntropyWeight(double entropyWeight);

  /** The mean unit entropy {@code H̄} of this layer at the current temperature, in nats. */
  double meanEntropy();

  /** A snapshot of what this layer has learned: α, entropies, dominant bases, T and λ_l. */
  LayerMixing mixing();
}
