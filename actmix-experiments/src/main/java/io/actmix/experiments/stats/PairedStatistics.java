package io.actmix.experiments.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
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
 *       4)}, against a χ² distribution with k − 1 degrees of freedom; Iman and Davenport's {@code F
 *       = (n − 1) χ² / (n(k − 1) − χ²)}, against F with k − 1 and (k − 1)(n − 1) degrees of
 *       freedom;
 *   <li>the Nemenyi critical difference of mean ranks, {@code CD = q_α √(k(k+1) / (6n))}, with
 *       {@code q_α} the Studentized range statistic divided by √2 (Demšar 2006, Table 5);
 *   <li>Nadeau and Bengio's corrected resampled t-test for r repetitions of k-fold
 *       cross-validation: with {@code d_j} the J = k·r paired differences, {@code t = mean(d) /
 *       √((1/J + n_test/n_train) · s²)}, against Student's t with J − 1 degrees of freedom.
 * </ul>
 *
 * <p>What each assumes: Wilcoxon, that the paired differences are independent and symmetric about
 * their median (not normal); Friedman and Nemenyi, that the blocks (folds or datasets) are
 * independent and the models exchangeable under the null; Holm, nothing about the dependence of the
 * p-values it corrects. Folds of one cross-validation share training rows, so none of these
 * independence assumptions holds exactly for folds; Nadeau and Bengio's correction inflates the
 * variance by {@code n_test/n_train} for that overlap.
 */
public final class PairedStatistics {

  /** Commons Math computes exact p-values for at most this many pairs. */
  static final int EXACT_LIMIT = 30;

  private PairedStatistics() {}

  /** Metrics where a smaller value is better; for every other metric larger is better. */
  private static final Set<String> LOWER_IS_BETTER = Set.of("mse", "rmse", "mae", "log_loss");

  /** Whether a smaller value of {@code metric} is better: how ranks and tests orient it. */
  public static boolean lowerIsBetter(String metric) {
    return LOWER_IS_BETTER.contains(metric);
  }

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

  /**
   * Iman and Davenport's F statistic of a Friedman χ² over {@code n} blocks and {@code k} models,
   * and its p-value.
   */
  public static Test imanDavenport(double chiSquared, int n, int k) {
    double statistic = (n - 1) * chiSquared / (n * (k - 1.0) - chiSquared);
    double p =
        1 - new FDistribution(k - 1.0, (k - 1.0) * (n - 1.0)).cumulativeProbability(statistic);
    return new Test(statistic, p);
  }

  /** Demšar's (2006, Table 5) {@code q_0.05} for 2 to 10 models. */
  private static final double[] Q_05 = {
    1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164
  };

  /** Demšar's (2006, Table 5) {@code q_0.10} for 2 to 10 models. */
  private static final double[] Q_10 = {
    1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920
  };

  /**
   * The Nemenyi critical difference of mean ranks: two models whose mean ranks over {@code n}
   * blocks differ by more are significantly different at level {@code alpha}.
   *
   * @param alpha 0.05 or 0.10
   * @throws IllegalArgumentException for another level or {@code k} outside 2 … 10
   */
  public static double nemenyiCriticalDifference(int k, int n, double alpha) {
    double[] table = alpha == 0.05 ? Q_05 : alpha == 0.10 ? Q_10 : null;
    if (table == null || k < 2 || k > table.length + 1 || n < 1) {
      throw new IllegalArgumentException(
          "nemenyiCriticalDifference: k = "
              + k
              + ", n = "
              + n
              + ", alpha = "
              + alpha
              + "; must be 2 <= k <= 10, n >= 1, alpha 0.05 or 0.10");
    }
    return table[k - 2] * Math.sqrt(k * (k + 1.0) / (6.0 * n));
  }

  /**
   * Wilcoxon's rank sums as Demšar (2006, §3.1.3) defines them: the absolute differences {@code y −
   * x} ranked (ties sharing their mean rank), {@code R+} the sum of the ranks of positive
   * differences and {@code R−} of negative ones, the ranks of zero differences split evenly between
   * the two.
   *
   * @return {R+, R−}
   */
  public static double[] signedRankSums(double[] x, double[] y) {
    double[] difference = new double[x.length];
    double[] magnitude = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      difference[i] = y[i] - x[i];
      magnitude[i] = Math.abs(difference[i]);
    }
    double[] ranks = new NaturalRanking().rank(magnitude);
    double plus = 0;
    double minus = 0;
    for (int i = 0; i < x.length; i++) {
      if (difference[i] > 0) {
        plus += ranks[i];
      } else if (difference[i] < 0) {
        minus += ranks[i];
      } else {
        plus += ranks[i] / 2;
        minus += ranks[i] / 2;
      }
    }
    return new double[] {plus, minus};
  }

  /**
   * Nadeau and Bengio's corrected resampled t-test of paired differences from repeated
   * cross-validation.
   *
   * @param differences one per fold and repetition
   * @param testRows rows of a test fold
   * @param trainRows rows a model was trained on in a fold
   * @return t and its two-sided p-value with {@code differences.length − 1} degrees of freedom
   */
  public static Test nadeauBengio(double[] differences, int testRows, int trainRows) {
    int j = differences.length;
    if (j < 2) {
      throw new IllegalArgumentException("nadeauBengio: differences = " + j + "; must be >= 2");
    }
    double mean = Arrays.stream(differences).average().orElseThrow();
    double variance = Arrays.stream(differences).map(d -> (d - mean) * (d - mean)).sum() / (j - 1);
    double t = mean / Math.sqrt((1.0 / j + (double) testRows / trainRows) * variance);
    double p = 2 * (1 - new TDistribution(j - 1.0).cumulativeProbability(Math.abs(t)));
    return new Test(t, p);
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
