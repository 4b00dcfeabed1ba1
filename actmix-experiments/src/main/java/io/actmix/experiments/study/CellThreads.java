package io.actmix.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs an action for every cell on a pool of threads and waits for all: the work of {@link
 * LocalEngine}'s threads, and the driver threads of the Spark engine that each wait for one job.
 */
public final class CellThreads {

  private CellThreads() {}

  /**
   * Runs {@code action} for each of {@code cells}, {@code threads} at a time, and returns when all
   * have ended; an exception of an action is rethrown here (actions report a cell's failure as a
   * result, so this is a defect), and the pool is stopped on the way out.
   *
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public static void forEach(int threads, List<CellSpec> cells, Consumer<CellSpec> action)
      throws InterruptedException {
    if (cells.isEmpty()) {
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, cells.size())));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (CellSpec cell : cells) {
        futures.add(pool.submit(() -> action.accept(cell)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
