package io.actmix.experiments.training;

import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.config.ExperimentConfig;
import io.actmix.experiments.config.ModelConfig;
import io.actmix.experiments.config.TrainingConfig;
import io.actmix.experiments.data.Preprocessing;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.Task;
import io.actmix.experiments.data.UciDataset;
import io.actmix.experiments.folds.Fold;
import io.actmix.experiments.metrics.ClassificationMetrics;
import io.actmix.experiments.metrics.RegressionMetrics;
import io.actmix.experiments.models.NetworkFactory;
import io.actmix.layer.ActMixLayers;
import io.actmix.layer.EntropyWarmupListener;
import io.actmix.layer.EntropyWarmupSchedule;
import io.actmix.layer.MixingHistoryListener;
import io.actmix.layer.MixingLayer;
import io.actmix.layer.TemperatureAnnealingListener;
import io.actmix.layer.TemperatureSchedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains one network on one fold (SPEC §3): preprocessing fitted on the fold's training rows,
 * seeded minibatches, Adam with a cosine learning rate and decoupled weight decay, gradients
 * clipped to a global norm, the ActMix listeners for ActMix models, and early stopping on the
 * validation loss that restores the best epoch's parameters. The test rows are used once, at the
 * end.
 *
 * <p>Everything random is drawn from the configuration's seed, in the calling thread, so a fold
 * gives the same numbers whichever thread or worker trains it.
 */
public final class Trainer {

  /** File names of the checkpoints {@link #fit} writes when given a directory. */
  public static final String BEST = "best.zip";

  /** The checkpoint of the last epoch trained. */
  public static final String LAST = "last.zip";

  /** The fitted preprocessing, saved beside the checkpoints. */
  public static final String PREPROCESSING = "preprocessing.json";

  /** Receives every epoch as it ends. */
  @FunctionalInterface
  public interface EpochObserver {
    void onEpoch(EpochRecord record);
  }

  private final ExperimentConfig config;

  public Trainer(ExperimentConfig config) {
    this.config = config;
  }

  /**
   * Trains on {@code fold} of {@code table}.
   *
   * @param checkpoints a directory for {@value #BEST}, {@value #LAST} and {@value #PREPROCESSING},
   *     or {@code null} to keep the best parameters in memory only
   * @param observer told of every epoch
   */
  public TrainingRun fit(RawTable table, Fold fold, Path checkpoints, EpochObserver observer) {
    long start = System.nanoTime();
    UciDataset dataset = table.dataset();
    TrainingConfig training = config.training();
    Preprocessing preprocessing = Preprocessing.fit(table, fold.train());
    DataSet train = preprocessing.apply(table, fold.train());
    DataSet validation = preprocessing.apply(table, fold.validation());
    DataSet test = preprocessing.apply(table, fold.test());
    if (checkpoints != null) {
      preprocessing.save(checkpoints.resolve(PREPROCESSING));
    }

    MultiLayerNetwork network = network(dataset.task(), preprocessing, train);
    MeanScore meanScore = new MeanScore();
    boolean actMix = config.model().usesActMix();
    MixingHistoryListener mixingHistory = new MixingHistoryListener();
    List<TrainingListener> listeners = listeners(meanScore);
    if (actMix) {
      listeners.add(mixingHistory);
    }
    network.setListeners(listeners);
    CosineSchedule learningRate = learningRate();

    List<EpochRecord> history = new ArrayList<>();
    INDArray bestParameters = null;
    int bestEpoch = -1;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int epoch = 0; epoch < training.maxEpochs(); epoch++) {
      long epochStart = System.nanoTime();
      meanScore.reset();
      network.fit(new ShuffledMinibatches(train, training.batchSize(), epochSeed(epoch)));
      INDArray output = network.output(validation.getFeatures(), false);
      double validationLoss = taskLoss(dataset.task(), output, validation.getLabels());
      double validationMetric =
          dataset.task() == Task.REGRESSION
              ? Math.sqrt(validationLoss) * preprocessing.targetStd()
              : accuracy(output, validation.getLabels());
      List<MixingLayer> layers = actMix ? ActMixLayers.of(network) : List.of();
      EpochRecord record =
          new EpochRecord(
              epoch,
              meanScore.mean(),
              validationLoss,
              validationMetric,
              layers.isEmpty() ? Double.NaN : layers.get(0).temperature(),
              layers.isEmpty()
                  ? Double.NaN
                  : layers.stream().mapToDouble(MixingLayer::entropyWeight).sum(),
              learningRate.valueAt(0, epoch),
              (System.nanoTime() - epochStart) / 1e9);
      history.add(record);
      if (validationLoss < bestLoss) {
        bestLoss = validationLoss;
        bestEpoch = epoch;
        bestParameters = network.params().dup();
        if (checkpoints != null) {
          save(network, checkpoints.resolve(BEST));
        }
      }
      observer.onEpoch(record);
      if (!Double.isFinite(validationLoss)
          || epoch - bestEpoch >= training.earlyStoppingPatience()) {
        break;
      }
    }
    if (checkpoints != null) {
      save(network, checkpoints.resolve(LAST));
    }
    if (bestParameters == null) {
      throw new IllegalStateException(
          "Training "
              + config.model().name()
              + " on "
              + dataset.label()
              + ": validation loss was never finite; lower training.learning_rate");
    }
    network.setParams(bestParameters);
    Map<String, Double> metrics = testMetrics(table, fold, preprocessing, network, test);
    return new TrainingRun(
        network,
        preprocessing,
        history,
        bestEpoch,
        metrics,
        (System.nanoTime() - start) / 1e9,
        mixingHistory.history());
  }

  /**
   * The listeners of training: {@code extra}, then for ActMix models on the {@code full} schedule
   * the temperature and entropy-weight schedules. (Gradient clipping is the updater's.)
   */
  private List<TrainingListener> listeners(TrainingListener... extra) {
    TrainingConfig training = config.training();
    List<TrainingListener> listeners = new ArrayList<>(List.of(extra));
    if (config.model().usesActMix()
        && config.model().actmix().schedule() == ModelConfig.Schedule.FULL) {
      listeners.add(
          new TemperatureAnnealingListener(
              new TemperatureSchedule(
                  training.temperature().initial(),
                  training.temperature().end(),
                  training.temperature().annealEpochs())));
      listeners.add(
          new EntropyWarmupListener(
              new EntropyWarmupSchedule(
                  training.entropyRegularization().lambdaMax(),
                  training.entropyRegularization().warmupEpochs())));
    }
    return listeners;
  }

  /**
   * A new network of the configured model on the fold's training rows, to be trained and timed one
   * epoch at a time, as {@link #fit} trains it but without validation or early stopping.
   */
  public EpochTimer epochTimer(RawTable table, Fold fold) {
    Preprocessing preprocessing = Preprocessing.fit(table, fold.train());
    DataSet train = preprocessing.apply(table, fold.train());
    MultiLayerNetwork network = network(table.dataset().task(), preprocessing, train);
    network.setListeners(listeners());
    return new EpochTimer(network, train);
  }

  /** One network trained an epoch at a time, each epoch timed; see {@link #epochTimer}. */
  public final class EpochTimer {

    private final MultiLayerNetwork network;
    private final DataSet train;
    private int epoch;

    private EpochTimer(MultiLayerNetwork network, DataSet train) {
      this.network = network;
      this.train = train;
    }

    /** Trains the next epoch and returns the seconds its {@code fit} took. */
    public double trainEpoch() {
      ShuffledMinibatches batches =
          new ShuffledMinibatches(train, config.training().batchSize(), epochSeed(epoch++));
      long start = System.nanoTime();
      network.fit(batches);
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /**
   * A new network of the configured model for {@code train}'s encoded features and labels, with the
   * {@link FusedAdamUpdater} that clips its gradient to the configured global norm.
   */
  private MultiLayerNetwork network(Task task, Preprocessing preprocessing, DataSet train) {
    MultiLayerNetwork network =
        new TrainingNetwork(
            NetworkFactory.configuration(
                config.model(),
                config.training(),
                learningRate(),
                task,
                preprocessing.features(),
                preprocessing.numericFeatures(),
                train.getLabels().columns(),
                config.seed()));
    network.init();
    network.setUpdater(new FusedAdamUpdater(network, config.training().gradientClipNorm()));
    return network;
  }

  /** Cosine annealing of the learning rate per epoch, over {@code max_epochs} (SPEC §3). */
  private CosineSchedule learningRate() {
    TrainingConfig training = config.training();
    return new CosineSchedule(training.learningRate(), training.minLrRatio(), training.maxEpochs());
  }

  /** The seed of an epoch's minibatch order, distinct per epoch. */
  private long epochSeed(int epoch) {
    return config.seed() * 1_000_003L + epoch;
  }

  /**
   * The metrics of {@code network} on the test rows: regression in the target's unit, against the
   * original values; classification from the predicted probabilities.
   */
  public static Map<String, Double> testMetrics(
      RawTable table,
      Fold fold,
      Preprocessing preprocessing,
      MultiLayerNetwork network,
      DataSet test) {
    return metrics(table, fold.test(), preprocessing, network.output(test.getFeatures(), false));
  }

  /**
   * The metrics of any model's {@code output} on {@code rows}: standardized predictions [rows, 1]
   * for regression, mapped back to the target's unit; class probabilities [rows, classes] for
   * classification.
   */
  public static Map<String, Double> metrics(
      RawTable table, int[] rows, Preprocessing preprocessing, INDArray output) {
    if (table.dataset().task() == Task.REGRESSION) {
      double[] targets = table.targets();
      double[] actual = Arrays.stream(rows).mapToDouble(row -> targets[row]).toArray();
      return RegressionMetrics.of(actual, preprocessing.targetToUnit(output));
    }
    int[] labels = table.labels();
    int[] actual = Arrays.stream(rows).map(row -> labels[row]).toArray();
    return ClassificationMetrics.of(actual, output.castTo(DataType.DOUBLE).toDoubleMatrix());
  }

  /**
   * The task loss without penalties: mean squared error of the standardized target, or mean
   * cross-entropy of the softmax output.
   */
  public static double taskLoss(Task task, INDArray output, INDArray labels) {
    INDArray out = output.castTo(DataType.DOUBLE);
    INDArray target = labels.castTo(DataType.DOUBLE);
    if (task == Task.REGRESSION) {
      INDArray error = out.sub(target);
      return error.muli(error).meanNumber().doubleValue();
    }
    INDArray probability = out.mul(target).sum(1);
    double[] values = probability.toDoubleVector();
    double sum = 0;
    for (double p : values) {
      sum -= Math.log(Math.max(p, 1e-15));
    }
    return sum / values.length;
  }

  private static double accuracy(INDArray output, INDArray labels) {
    INDArray predicted = output.argMax(1);
    INDArray actual = labels.argMax(1);
    return predicted.eq(actual).castTo(DataType.DOUBLE).meanNumber().doubleValue();
  }

  private static void save(MultiLayerNetwork network, Path file) {
    AtomicFiles.write(file, out -> ModelSerializer.writeModel(network, out, true));
  }

  /** The mean of the minibatch scores of one epoch. */
  private static final class MeanScore extends BaseTrainingListener {
    private double sum;
    private int count;

    void reset() {
      sum = 0;
      count = 0;
    }

    double mean() {
      return count == 0 ? Double.NaN : sum / count;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
      sum += model.score();
      count++;
    }
  }
}
