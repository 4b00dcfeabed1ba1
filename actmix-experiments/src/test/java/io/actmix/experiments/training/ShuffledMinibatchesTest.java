package io.actmix.experiments.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** One epoch visits every row once, features and labels together, in an order set by the seed. */
class ShuffledMinibatchesTest {

  /** 10 rows: features (i, 10 i), label i. */
  private static DataSet rows() {
    double[][] features = new double[10][];
    double[][] labels = new double[10][];
    for (int i = 0; i < 10; i++) {
      features[i] = new double[] {i, 10 * i};
      labels[i] = new double[] {i};
    }
    return new DataSet(
        Nd4j.create(features).castTo(DataType.FLOAT), Nd4j.create(labels).castTo(DataType.FLOAT));
  }

  /** The labels of every minibatch of one epoch, in order. */
  private static List<double[]> epoch(long seed) {
    ShuffledMinibatches batches = new ShuffledMinibatches(rows(), 4, seed);
    List<double[]> labels = new ArrayList<>();
    while (batches.hasNext()) {
      DataSet batch = batches.next();
      double[] rowLabels = batch.getLabels().dup().reshape(-1).toDoubleVector();
      double[] firstFeature = batch.getFeatures().getColumn(0).dup().reshape(-1).toDoubleVector();
      assertArrayEquals(rowLabels, firstFeature, 0.0, "features and labels stay paired");
      labels.add(rowLabels);
    }
    return labels;
  }

  @Test
  void next_oneEpoch_visitsEveryRowOnceInBatchesOfFourThenTwo() {
    List<double[]> batches = epoch(7);
    assertEquals(List.of(4, 4, 2), batches.stream().map(b -> b.length).toList());
    double[] seen = batches.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, seen, 0.0);
  }

  @Test
  void next_sameSeed_sameOrder() {
    double[] first = epoch(7).stream().flatMapToDouble(Arrays::stream).toArray();
    double[] second = epoch(7).stream().flatMapToDouble(Arrays::stream).toArray();
    assertArrayEquals(first, second, 0.0);
  }

  @Test
  void next_otherSeed_otherOrder() {
    double[] first = epoch(7).stream().flatMapToDouble(Arrays::stream).toArray();
    double[] second = epoch(8).stream().flatMapToDouble(Arrays::stream).toArray();
    assertNotEquals(Arrays.toString(first), Arrays.toString(second));
  }

  @Test
  void reset_afterEpoch_startsTheSameOrderAgain() {
    ShuffledMinibatches batches = new ShuffledMinibatches(rows(), 4, 3);
    double first = batches.next().getLabels().getDouble(0);
    while (batches.hasNext()) {
      batches.next();
    }
    assertFalse(batches.hasNext());
    batches.reset();
    assertEquals(first, batches.next().getLabels().getDouble(0), 0.0);
  }
}
