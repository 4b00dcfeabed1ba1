package io.actmix.experiments.training;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One epoch of minibatches over a {@link DataSet}, in an order drawn from a seed: a Fisher–Yates
 * permutation by {@link Random}, so the same seed gives the same batches on any machine. Not
 * asynchronous (DL4J would otherwise prefetch on another thread).
 */
final class ShuffledMinibatches implements DataSetIterator {

  private static final long serialVersionUID = 1L;

  private final DataSet data;
  private final int batchSize;
  private final int[] order;
  private int cursor;

  /**
   * @param data the rows
   * @param batchSize rows per minibatch (the last one may be smaller)
   * @param seed the seed of this epoch's order
   */
  ShuffledMinibatches(DataSet data, int batchSize, long seed) {
    this.data = data;
    this.batchSize = batchSize;
    this.order = new int[data.numExamples()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  @Override
  public boolean hasNext() {
    return cursor < order.length;
  }

  @Override
  public DataSet next() {
    return next(batchSize);
  }

  @Override
  public DataSet next(int num) {
    if (!hasNext()) {
      throw new NoSuchElementException("ShuffledMinibatches: the epoch is over");
    }
    int end = Math.min(cursor + num, order.length);
    int[] rows = java.util.Arrays.copyOfRange(order, cursor, end);
    cursor = end;
    INDArray features = Nd4j.pullRows(data.getFeatures(), 1, rows);
    INDArray labels = Nd4j.pullRows(data.getLabels(), 1, rows);
    return new DataSet(features, labels);
  }

  @Override
  public int inputColumns() {
    return data.getFeatures().columns();
  }

  @Override
  public int totalOutcomes() {
    return data.getLabels().columns();
  }

  @Override
  public boolean resetSupported() {
    return true;
  }

  @Override
  public boolean asyncSupported() {
    return false;
  }

  /** Starts the same order again. */
  @Override
  public void reset() {
    cursor = 0;
  }

  @Override
  public int batch() {
    return batchSize;
  }

  @Override
  public void setPreProcessor(DataSetPreProcessor preProcessor) {
    throw new UnsupportedOperationException("ShuffledMinibatches: data is preprocessed already");
  }

  @Override
  public DataSetPreProcessor getPreProcessor() {
    return null;
  }

  @Override
  public List<String> getLabels() {
    return null;
  }
}
