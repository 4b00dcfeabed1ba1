package io.actmix.experiments.study.spark;

import io.actmix.experiments.ActionableFailure;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.study.CellResult;
import io.actmix.experiments.study.CellSpec;
import io.actmix.experiments.study.CellThreads;
import io.actmix.experiments.study.Engine;
import io.actmix.experiments.study.StudyData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Cells on Apache Spark: each cell is a Spark job of one task, submitted from a driver thread as
 * Hyperopt's {@code SparkTrials} does, so that each result comes back — and is stored — when its
 * task ends rather than when the last one does. The datasets' files and the fold plans are
 * broadcast, so executors need no data directory. A cell that throws comes back as a failed result
 * (no Spark retry); a task lost with its executor is retried by Spark ({@code
 * spark.task.maxFailures}), which trains the cell again from scratch.
 *
 * <p>Configuration: every {@code spark.*} key of the command line, over what {@code spark-submit}
 * set; {@code spark.master} defaults to {@value #DEFAULT_MASTER}, an embedded Spark on this
 * machine's cores.
 */
public final class SparkEngine implements Engine {

  /** This engine's name. */
  public static final String NAME = "spark";

  /** Spark in this JVM, one task per core. */
  public static final String DEFAULT_MASTER = "local[*]";

  /** How long a {@code spark://} master may take to accept a connection. */
  static final int CONNECT_TIMEOUT_MS = 5_000;

  /** Jobs in flight at most: each driver thread waits for one. */
  static final int DRIVER_THREADS = 256;

  private final JavaSparkContext context;

  /**
   * Starts (or joins) a Spark application.
   *
   * @param settings {@code spark.*} keys and values, applied over Spark's own defaults and what
   *     {@code spark-submit} set
   * @throws ActionableFailure when a standalone master cannot be reached
   */
  public SparkEngine(Map<String, String> settings) {
    SparkConf conf = new SparkConf();
    settings.forEach(conf::set);
    conf.setIfMissing("spark.master", DEFAULT_MASTER);
    conf.setIfMissing("spark.app.name", "actmix-study");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    if (conf.get("spark.master").startsWith("local")) {
      // Embedded: everything on the loopback interface, no web UI to leave running.
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    checkReachable(conf.get("spark.master"));
    this.context = new JavaSparkContext(conf);
  }

  /**
   * Fails within {@value #CONNECT_TIMEOUT_MS} ms when a {@code spark://} master does not answer.
   */
  static void checkReachable(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    for (String address : master.substring("spark://".length()).split(",")) {
      URI uri = URI.create("spark://" + address);
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
        return;
      } catch (IOException | IllegalArgumentException e) {
        // Try the next master of a list; fail below when none answers.
      }
    }
    throw new ActionableFailure(
        "spark.master = "
            + master
            + "; no master answered within "
            + CONNECT_TIMEOUT_MS / 1000
            + " s; start it (org.apache.spark.deploy.master.Master, see bench/spark-cluster.sh) or"
            + " correct the address; nothing was written");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int parallelism() {
    return context.defaultParallelism();
  }

  @Override
  public void run(List<CellSpec> cells, StudyData data, Consumer<CellResult> finished)
      throws InterruptedException {
    if (cells.isEmpty()) {
      return;
    }
    Map<String, String> plans = new HashMap<>();
    for (Map.Entry<String, FoldPlan> plan : data.plans().entrySet()) {
      plans.put(plan.getKey(), plan.getValue().toJson());
    }
    Broadcast<HashMap<String, byte[]>> files = context.broadcast(new HashMap<>(data.files()));
    Broadcast<HashMap<String, String>> planTexts = context.broadcast(new HashMap<>(plans));
    // Driver threads only wait for their job; Spark queues the tasks for its executors' cores.
    try {
      CellThreads.forEach(DRIVER_THREADS, cells, cell -> runJob(cell, files, planTexts, finished));
    } finally {
      files.destroy();
      planTexts.destroy();
    }
  }

  private void runJob(
      CellSpec cell,
      Broadcast<HashMap<String, byte[]>> files,
      Broadcast<HashMap<String, String>> plans,
      Consumer<CellResult> finished) {
    context.setJobDescription(cell.label());
    CellResult result;
    try {
      String json =
          context.parallelize(List.of(cell), 1).map(new RunCell(files, plans)).collect().get(0);
      result = CellResult.fromJson(json);
    } catch (RuntimeException e) {
      // The task failed spark.task.maxFailures times (executors lost), or the context stopped.
      result = CellResult.failed(cell, e);
    }
    synchronized (finished) {
      finished.accept(result);
    }
  }

  @Override
  public void close() {
    context.stop();
  }
}
