package io.actmix.experiments.training;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One epoch of minibatches over a {@link DataSet}, in an order drawn from a seed: a Fisher–Yates
 * permutation by {@link Random}, so the same seed gives the same batches on any machine. The rows
 * are gathered in that order once per epoch, and each minibatch is a view of consecutive rows: no
 * copy per iteration. Not asynchronous (DL4J would otherwise prefetch on another thread).
 */
final class ShuffledMinibatches implements DataSetIterator {

  private static final long serialVersionUID = 1L;

  private final int batchSize;
  private final INDArray features;
  private final INDArray labels;
  private int cursor;

  /**
   * @param data the rows
   * @param batchSize rows per minibatch (the last one may be smaller)
   * @param seed the seed of this epoch's order
   */
  ShuffledMinibatches(DataSet data, int batchSize, long seed) {
    this.batchSize = batchSize;
    int[] order = new int[data.numExamples()];
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
    this.features = Nd4j.pullRows(data.getFeatures(), 1, order, 'c');
    this.labels = Nd4j.pullRows(data.getLabels(), 1, order, 'c');
  }

  @Override
  public boolean hasNext() {
    return cursor < features.rows();
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
    int end = Math.min(cursor + num, features.rows());
    INDArrayIndex rows = NDArrayIndex.interval(cursor, end);
    cursor = end;
    return new DataSet(
        features.get(rows, NDArrayIndex.all()), labels.get(rows, NDArrayIndex.all()));
  }

  @Override
  public int inputColumns() {
    return features.columns();
  }

  @Override
  public int totalOutcomes() {
    return labels.columns();
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
