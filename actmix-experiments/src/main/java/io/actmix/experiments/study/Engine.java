package io.actmix.experiments.study;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a study's cells: on this JVM's threads ({@link LocalEngine}) or on Apache Spark. Whatever
 * runs a cell, its numbers are the same (each cell draws every random number from its seed, in the
 * thread that trains it, with one native thread), and its result comes back to this JVM, which
 * stores it at once.
 */
public interface Engine extends AutoCloseable {

  /** The engine's name, as {@code engine=} takes it. */
  String name();

  /** How many cells run at once, at most. */
  int parallelism();

  /**
   * Runs {@code cells} and hands each result to {@code finished} as soon as it arrives (from any
   * thread, one at a time); returns when every cell has a result. A cell that throws gives a failed
   * result; the others go on.
   *
   * @throws InterruptedException when the calling thread is interrupted; cells in flight are
   *     abandoned
   */
  void run(List<CellSpec> cells, StudyData data, Consumer<CellResult> finished)
      throws InterruptedException;

  /** Releases threads or the cluster connection. */
  @Override
  void close();
}
