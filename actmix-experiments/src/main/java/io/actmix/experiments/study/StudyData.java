package io.actmix.experiments.study;

import io.actmix.experiments.AtomicFiles;
import io.actmix.experiments.data.DatasetFiles;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.UciDataset;
import io.actmix.experiments.folds.FoldPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a study's cells train on: each dataset's table and the bytes of its file (which a
 * distributed engine sends to its executors, so that they need no data directory), and the fold
 * plans by {@link StudyPlan#planKey}.
 *
 * @param tables the cleaned tables, by dataset
 * @param files the bytes of each dataset's {@code data.csv}, by dataset
 * @param plans the fold plans, by {@link StudyPlan#planKey}
 */
public record StudyData(
    Map<String, RawTable> tables, Map<String, byte[]> files, Map<String, FoldPlan> plans) {

  /** Copies the maps. */
  public StudyData {
    tables = Map.copyOf(tables);
    files = Map.copyOf(files);
    plans = Map.copyOf(plans);
  }

  /**
   * Reads the datasets of {@code plan} from where {@code files} finds them (downloading what is
   * missing) and makes their fold plans.
   */
  public static StudyData load(StudyPlan plan, DatasetFiles files) {
    Map<String, RawTable> tables = new LinkedHashMap<>();
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    for (String dataset : plan.datasets()) {
      Path file = files.locate(UciDataset.of(dataset));
      try {
        bytes.put(dataset, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot be read: " + AtomicFiles.reason(e), e);
      }
      tables.put(dataset, RawTable.read(UciDataset.of(dataset), file, bytes.get(dataset)));
    }
    return new StudyData(tables, bytes, plan.foldPlans(tables));
  }

  /** The fold plan a cell names. */
  public FoldPlan plan(CellSpec cell) {
    return plans.get(StudyPlan.planKey(cell.dataset(), cell.seed()));
  }
}
