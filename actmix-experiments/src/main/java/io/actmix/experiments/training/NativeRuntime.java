package io.actmix.experiments.training;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The native settings every command trains under, for the whole process.
 *
 * <p>One native thread for ND4J's own ops and for BLAS: at these matrix sizes a 128³ product took
 * 238 µs on one thread and 1,778 µs on two. Parallelism comes from training folds side by side.
 * {@code Nd4j.getEnvironment().setMaxThreads} alone leaves OpenMP's pool as it is (measured: a ReLU
 * epoch of power_plant took 0.64–0.80 s with it and 0.30–0.34 s with {@code OMP_NUM_THREADS=1});
 * the native {@code setOmpNumThreads} does what the variable does, from inside a running JVM such
 * as {@code mvn exec:java}'s.
 *
 * <p>No physical-memory check on each native allocation: JavaCPP reads the process's resident size
 * every time it allocates a pointer unless {@value #MAX_PHYSICAL_BYTES} is 0, and ND4J allocates
 * several per op. That was 17% of the samples of a training epoch (JFR, power_plant ActMix), and
 * turning it off cut the epoch time by about a tenth. The limit on JavaCPP's tracked bytes, which
 * triggers garbage collection of unreachable arrays, stays. A value the user set wins.
 */
public final class NativeRuntime {

  /** JavaCPP's system property for the physical-memory limit; 0 disables the check. */
  static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

  private NativeRuntime() {}

  /**
   * Sets {@value #MAX_PHYSICAL_BYTES} to 0 unless the user set it; takes effect only before
   * JavaCPP's first allocation in this process, so commands call it first.
   */
  public static void skipPhysicalMemoryCheck() {
    if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
      System.setProperty(MAX_PHYSICAL_BYTES, "0");
    }
  }

  /**
   * Applies the settings; call before the first ND4J array, since JavaCPP reads its property once.
   */
  public static void configure() {
    skipPhysicalMemoryCheck();
    Nd4j.create(1); // loads the backend, which the native handle below needs
    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    Nd4j.factory().blas().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxMasterThreads(1);
  }
}
