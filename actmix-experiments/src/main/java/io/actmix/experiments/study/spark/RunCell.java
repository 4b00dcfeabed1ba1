package io.actmix.experiments.study.spark;

import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.UciDataset;
import io.actmix.experiments.folds.FoldPlan;
import io.actmix.experiments.study.CellSpec;
import io.actmix.experiments.study.CellWork;
import io.actmix.experiments.study.StudyPlan;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark task of one cell: reads the broadcast dataset file and fold plan (once per executor
 * JVM), trains the cell with {@link CellWork}, and returns its result as JSON.
 */
final class RunCell implements Function<CellSpec, String> {

  private static final long serialVersionUID = 1L;

  /** Tables read in this executor JVM, by dataset and the identity of the broadcast. */
  private static final Map<String, RawTable> TABLES = new ConcurrentHashMap<>();

  private final Broadcast<HashMap<String, byte[]>> files;
  private final Broadcast<HashMap<String, String>> plans;

  RunCell(Broadcast<HashMap<String, byte[]>> files, Broadcast<HashMap<String, String>> plans) {
    this.files = files;
    this.plans = plans;
  }

  @Override
  public String call(CellSpec cell) {
    RawTable table =
        TABLES.computeIfAbsent(
            files.id() + "/" + cell.dataset(),
            key ->
                RawTable.read(
                    UciDataset.of(cell.dataset()),
                    Path.of("broadcast", cell.dataset(), "data.csv"),
                    files.value().get(cell.dataset())));
    FoldPlan plan =
        FoldPlan.fromJson(plans.value().get(StudyPlan.planKey(cell.dataset(), cell.seed())));
    return CellWork.run(cell, table, plan).toJson();
  }
}
