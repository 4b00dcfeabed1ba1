package io.actmix.experiments.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.training.NativeRuntime;

/**
 * Trains one cell in the calling thread, whichever engine owns the thread: one native thread, the
 * kind named by the cell, its settings, its fold. A cell that throws gives a failed result.
 */
public final class CellWork {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CellWork() {}

  /** Runs {@code spec} on its dataset's {@code table} and the fold plan it names. */
  public static CellResult run(CellSpec spec, RawTable table, FoldPlan plan) {
    try {
      NativeRuntime.configure();
      ModelKind kind = ModelKinds.named(spec.kind());
      ObjectNode settings = (ObjectNode) JSON.readTree(spec.settings());
      if (!plan.digest().equals(spec.foldPlanDigest())) {
        throw new IllegalStateException(
            "cell "
                + spec.key()
                + ": fold plan = "
                + plan.digest()
                + "; must be "
                + spec.foldPlanDigest());
      }
      return CellResult.of(spec, kind.fit(settings, table, plan.fold(spec.fold())));
    } catch (JsonProcessingException | RuntimeException e) {
      return CellResult.failed(spec, e);
    }
  }
}
