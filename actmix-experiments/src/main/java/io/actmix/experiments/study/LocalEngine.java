package io.actmix.experiments.study;

import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.folds.FoldPlan;
import java.util.List;
import java.util.function.Consumer;

/** Cells on this JVM's threads: {@code workers} at a time, one native thread each. */
public final class LocalEngine implements Engine {

  /** This engine's {@link #name()}. */
  public static final String NAME = "local";

  /** Trains one cell in the calling thread; {@link CellWork#run} unless a test says otherwise. */
  @FunctionalInterface
  public interface CellRunner {
    CellResult run(CellSpec cell, RawTable table, FoldPlan plan);
  }

  private final int workers;
  private final CellRunner runner;

  /** An engine of {@code workers} threads, at least 1. */
  public LocalEngine(int workers) {
    this(workers, CellWork::run);
  }

  /** An engine of {@code workers} threads that trains each cell with {@code runner}. */
  public LocalEngine(int workers, CellRunner runner) {
    if (workers < 1) {
      throw new IllegalArgumentException("LocalEngine: workers = " + workers + "; must be >= 1");
    }
    this.workers = workers;
    this.runner = runner;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int parallelism() {
    return workers;
  }

  @Override
  public void run(List<CellSpec> cells, StudyData data, Consumer<CellResult> finished)
      throws InterruptedException {
    CellThreads.forEach(
        workers,
        cells,
        cell -> {
          CellResult result = runner.run(cell, data.tables().get(cell.dataset()), data.plan(cell));
          synchronized (finished) {
            finished.accept(result);
          }
        });
  }

  @Override
  public void close() {
    // The pool of each run is shut down when the run ends.
  }
}
