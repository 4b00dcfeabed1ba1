package io.actmix.experiments.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * Decoupled weight decay on the elements [start, end) of a network's flattened parameters: what the
 * fused updater adds to the update and the training network adds to the score.
 */
record WeightDecayRange(int start, int end, WeightDecay weightDecay) {

  /** λ at this step. */
  double coefficient(int iteration, int epoch) {
    return weightDecay.getCoeff().valueAt(iteration, epoch);
  }

  /** What the update adds per unit of parameter: η λ when the decay applies the rate, else λ. */
  double factor(double learningRate, int iteration, int epoch) {
    double coefficient = coefficient(iteration, epoch);
    return weightDecay.isApplyLR() ? learningRate * coefficient : coefficient;
  }

  /**
   * One range per regularization configured on the parameter at [start, end) ({@code null} for
   * none), or empty when one of them is not {@link WeightDecay}.
   */
  static Optional<List<WeightDecayRange>> of(
      long start, long end, List<Regularization> regularizations) {
    List<WeightDecayRange> ranges = new ArrayList<>();
    for (Regularization regularization :
        regularizations == null ? List.<Regularization>of() : regularizations) {
      if (!(regularization instanceof WeightDecay weightDecay)) {
        return Optional.empty();
      }
      ranges.add(new WeightDecayRange(Math.toIntExact(start), Math.toIntExact(end), weightDecay));
    }
    return Optional.of(ranges);
  }
}
