package io.actmix.experiments.cli;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * One native thread for ND4J's own ops and for BLAS: at these matrix sizes a 128³ product took 238
 * µs on one thread and 1,778 µs on two. Parallelism comes from training folds side by side.
 *
 * <p>{@code Nd4j.getEnvironment().setMaxThreads} alone leaves OpenMP's pool as it is (measured: a
 * ReLU epoch of power_plant took 0.64–0.80 s with it and 0.30–0.34 s with {@code
 * OMP_NUM_THREADS=1}); the native {@code setOmpNumThreads} does what the variable does, from inside
 * a running JVM such as {@code mvn exec:java}'s.
 */
public final class NativeThreads {

  private NativeThreads() {}

  /** Limits ND4J's OpenMP pool and its BLAS to one thread each, for the whole process. */
  public static void useOne() {
    Nd4j.create(1); // loads the backend, which the native handle below needs
    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    Nd4j.factory().blas().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxMasterThreads(1);
  }
}
