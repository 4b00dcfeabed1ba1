package io.actmix.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one ActMix layer has learned, computed in double precision from its logits at its current
 * temperature: a value, detached from the network.
 *
 * <pre>
 *   α_jk = softmax(a_j / T)_k        H_j = −Σ_k α_jk log α_jk        H̄ = mean_j H_j
 *   f_j(z) = Σ_k α_jk · φ_k(z)       (the effective activation of neuron j)
 * </pre>
 *
 * @param layerIndex the layer's index in its network
 * @param bases the basis functions, in column order of {@code alpha}
 * @param omega0 the sine's frequency scale
 * @param alpha mixing coefficients, [neurons][bases]; each row sums to 1
 * @param entropy per-neuron entropy {@code H_j} in nats, [neurons]
 * @param temperature the temperature {@code T} they were computed at
 * @param entropyWeight the layer's entropy weight {@code λ_l}
 */
public record LayerMixing(
    int layerIndex,
    List<BasisFunction> bases,
    double omega0,
    double[][] alpha,
    double[] entropy,
    double temperature,
    double entropyWeight) {

  /** Copies the arrays, so that the record stays a value. */
  public LayerMixing {
    bases = List.copyOf(bases);
    alpha = Arrays.stream(alpha).map(double[]::clone).toArray(double[][]::new);
    entropy = entropy.clone();
  }

  /** Mixing coefficients, [neurons][bases]; a copy. */
  @Override
  public double[][] alpha() {
    return Arrays.stream(alpha).map(double[]::clone).toArray(double[][]::new);
  }

  /** Per-neuron entropy in nats, [neurons]; a copy. */
  @Override
  public double[] entropy() {
    return entropy.clone();
  }

  /** Number of neurons. */
  public int neurons() {
    return alpha.length;
  }

  /** The mixing coefficient α of {@code basis} in {@code neuron}; 0 if the layer lacks it. */
  public double alpha(int neuron, BasisFunction basis) {
    int column = bases.indexOf(basis);
    return column < 0 ? 0.0 : alpha[neuron][column];
  }

  /** The layer entropy {@code H̄}: the mean of {@link #entropy()} over neurons. */
  public double meanEntropy() {
    return Arrays.stream(entropy).average().orElse(Double.NaN);
  }

  /** The largest entropy a neuron can have, {@code ln K} for K bases. */
  public double maxEntropy() {
    return Math.log(bases.size());
  }

  /** The basis with the largest α in {@code neuron} (the first one on a tie). */
  public BasisFunction dominantBasis(int neuron) {
    double[] row = alpha[neuron];
    int best = 0;
    for (int k = 1; k < row.length; k++) {
      if (row[k] > row[best]) {
        best = k;
      }
    }
    return bases.get(best);
  }

  /** {@link #dominantBasis(int)} of every neuron, in neuron order. */
  public List<BasisFunction> dominantBases() {
    List<BasisFunction> dominant = new ArrayList<>(neurons());
    for (int j = 0; j < neurons(); j++) {
      dominant.add(dominantBasis(j));
    }
    return List.copyOf(dominant);
  }

  /** How many neurons each basis dominates, in basis order; the counts sum to n. */
  public int[] dominantCounts() {
    int[] counts = new int[bases.size()];
    for (int j = 0; j < neurons(); j++) {
      counts[bases.indexOf(dominantBasis(j))]++;
    }
    return counts;
  }

  /** The largest α of {@code neuron}: 1 for a neuron fully specialised, 1/K for a uniform mix. */
  public double maxAlpha(int neuron) {
    return Arrays.stream(alpha[neuron]).max().orElse(Double.NaN);
  }

  /** Total α of each basis over the layer's neurons, in basis order; the masses sum to n. */
  public double[] basisMass() {
    double[] mass = new double[bases.size()];
    for (double[] row : alpha) {
      for (int k = 0; k < row.length; k++) {
        mass[k] += row[k];
      }
    }
    return mass;
  }

  /** The effective activation {@code f_j(z) = Σ_k α_jk φ_k(z)} of {@code neuron}. */
  public double activation(int neuron, double z) {
    double value = 0.0;
    for (int k = 0; k < bases.size(); k++) {
      value += alpha[neuron][k] * bases.get(k).apply(z, omega0);
    }
    return value;
  }

  /** {@link #activation(int, double)} at every point of {@code grid}. */
  public double[] activationCurve(int neuron, double[] grid) {
    double[] curve = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      curve[i] = activation(neuron, grid[i]);
    }
    return curve;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LayerMixing that
        && layerIndex == that.layerIndex
        && bases.equals(that.bases)
        && Double.compare(omega0, that.omega0) == 0
        && Arrays.deepEquals(alpha, that.alpha)
        && Arrays.equals(entropy, that.entropy)
        && Double.compare(temperature, that.temperature) == 0
        && Double.compare(entropyWeight, that.entropyWeight) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(alpha) + Arrays.hashCode(entropy) + layerIndex;
  }

  @Override
  public String toString() {
    return "LayerMixing(layer "
        + layerIndex
        + ", "
        + neurons()
        + " neurons, bases="
        + BasisFunction.labels(bases)
        + ", T="
        + temperature
        + ", λ="
        + entropyWeight
        + ", meanEntropy="
        + meanEntropy()
        + ")";
  }
}
