package io.actmix.layer;

import java.util.Arrays;
import java.util.List;

/**
 * The mixing of a network's ActMix layers at the end of one epoch, as {@link MixingHistoryListener}
 * records it.
 *
 * @param epoch the epoch, from 0
 * @param temperature the temperature during the epoch (of the first ActMix layer)
 * @param lambda the network's entropy weight λ during the epoch: the sum of the layers' λ_l
 * @param layers one entry per ActMix layer, in layer order
 */
public record MixingSnapshot(int epoch, double temperature, double lambda, List<Layer> layers) {

  /** Copies the list. */
  public MixingSnapshot {
    layers = List.copyOf(layers);
  }

  /**
   * One layer at the end of an epoch.
   *
   * @param layerIndex the layer's index in its network
   * @param basisShare the mean α of each basis over the layer's neurons, in basis order; sums to 1
   * @param meanEntropy the layer's mean neuron entropy in nats
   */
  public record Layer(int layerIndex, double[] basisShare, double meanEntropy) {

    /** Copies the array. */
    public Layer {
      basisShare = basisShare.clone();
    }

    @Override
    public double[] basisShare() {
      return basisShare.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Layer that
          && layerIndex == that.layerIndex
          && Arrays.equals(basisShare, that.basisShare)
          && Double.compare(meanEntropy, that.meanEntropy) == 0;
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(basisShare) + Double.hashCode(meanEntropy) + layerIndex;
    }

    @Override
    public String toString() {
      return "Layer("
          + layerIndex
          + ", share "
          + Arrays.toString(basisShare)
          + ", H "
          + meanEntropy
          + ")";
    }
  }

  /** The snapshot of {@code mixings} at the end of {@code epoch}. */
  static MixingSnapshot of(int epoch, List<LayerMixing> mixings) {
    List<Layer> layers =
        mixings.stream()
            .map(
                mixing -> {
                  double[] share = mixing.basisMass();
                  for (int k = 0; k < share.length; k++) {
                    share[k] /= mixing.neurons();
                  }
                  return new Layer(mixing.layerIndex(), share, mixing.meanEntropy());
                })
            .toList();
    double lambda = mixings.stream().mapToDouble(LayerMixing::entropyWeight).sum();
    return new MixingSnapshot(epoch, mixings.get(0).temperature(), lambda, layers);
  }
}
