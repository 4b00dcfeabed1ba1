package io.actmix.baselines;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaturalRanking;

/**
 * Tests on per-fold results, where every model saw the same folds.
 *
 * <ul>
 *   <li>Wilcoxon signed-rank test of paired values (Commons Math): the statistic {@code W = max(W+,
 *       W−)} of the ranked absolute differences, and its two-sided p-value, exact for up to 30
 *       pairs, from the normal approximation above;
 *   <li>Holm's step-down correction of m p-values: {@code p'(i) = max_{j ≤ i} min(1, (m − j + 1)
 *       p(j))} over the p-values sorted ascending;
 *   <li>Friedman's test of k models over n folds: with {@code R_j} the mean rank of model j (rank 1
 *       = best, ties sharing their mean rank), {@code χ² = 12n / (k(k+1)) · (Σ R_j² − k(k+1)² /
 *       4)}, against a χ² distribution with k − 1 degrees of freedom.
 * </ul>
 */
public final class PairedStatistics {

  /** Commons Math computes exact p-values for at most this many pairs. */
  static final int EXACT_LIMIT = 30;

  private PairedStatistics() {}

  /** A statistic and its p-value. */
  public record Test(double statistic, double pValue) {}

  /** Wilcoxon's signed-rank test of {@code x} against {@code y}, paired by index. */
  public static Test wilcoxon(double[] x, double[] y) {
    if (x.length != y.length || x.length < 1) {
      throw new IllegalArgumentException(
          "wilcoxon: pairs = " + x.length + " and " + y.length + "; must be equal and > 0");
    }
    boolean identical = Arrays.equals(x, y);
    if (identical) {
      return new Test(0, 1.0);
    }
    WilcoxonSignedRankTest test = new WilcoxonSignedRankTest();
    return new Test(
        test.wilcoxonSignedRank(x, y), test.wilcoxonSignedRankTest(x, y, x.length <= EXACT_LIMIT));
  }

  /** Holm's correction of {@code pValues}, in their original order. */
  public static double[] holm(double[] pValues) {
    int m = pValues.length;
    Integer[] order =
        IntStream.range(0, m)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> pValues[i]))
            .toArray(Integer[]::new);
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      running = Math.max(running, Math.min(1.0, (m - rank) * pValues[order[rank]]));
      adjusted[order[rank]] = running;
    }
    return adjusted;
  }

  /**
   * Friedman's test.
   *
   * @param scores [folds][models], where lower is better when {@code lowerIsBetter}
   */
  public static Test friedman(double[][] scores, boolean lowerIsBetter) {
    double[] meanRanks = meanRanks(scores, lowerIsBetter);
    int n = scores.length;
    int k = meanRanks.length;
    double sumOfSquares = Arrays.stream(meanRanks).map(r -> r * r).sum();
    double statistic = 12.0 * n / (k * (k + 1.0)) * (sumOfSquares - k * (k + 1.0) * (k + 1.0) / 4);
    double p = 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(statistic);
    return new Test(statistic, p);
  }

  /** Each model's rank averaged over folds; rank 1 is the best of a fold. */
  public static double[] meanRanks(double[][] scores, boolean lowerIsBetter) {
    int k = scores[0].length;
    double[] sum = new double[k];
    NaturalRanking ranking = new NaturalRanking();
    for (double[] fold : scores) {
      double[] oriented = lowerIsBetter ? fold : Arrays.stream(fold).map(v -> -v).toArray();
      double[] ranks = ranking.rank(oriented);
      for (int j = 0; j < k; j++) {
        sum[j] += ranks[j];
      }
    }
    return Arrays.stream(sum).map(s -> s / scores.length).toArray();
  }
}
