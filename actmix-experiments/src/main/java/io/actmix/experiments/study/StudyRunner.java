package io.actmix.experiments.study;

import io.actmix.experiments.ActionableFailure;
import io.actmix.experiments.folds.FoldPlan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs what is missing of a study: every cell without a file in its {@link CellStore}, on an {@link
 * Engine}, storing each result as it arrives and printing a line per cell with the time left.
 */
public final class StudyRunner {

  /**
   * What a run did.
   *
   * @param cells the study's cells
   * @param alreadyDone cells that had a file before the run
   * @param finished cells this run finished
   * @param failed cells that failed in this run
   * @param wallSeconds the run's wall time
   */
  public record Report(int cells, int alreadyDone, int finished, int failed, double wallSeconds) {}

  private final CellStore store;
  private final Engine engine;
  private final PrintStream out;

  public StudyRunner(CellStore store, Engine engine, PrintStream out) {
    this.store = store;
    this.engine = engine;
    this.out = out;
  }

  /**
   * Runs the cells of {@code plan} that have no file yet.
   *
   * @param label what the progress lines call the study
   * @throws ActionableFailure when the store holds cells of other fold plans
   */
  public Report run(String label, StudyPlan plan, StudyData data) throws InterruptedException {
    long start = System.nanoTime();
    List<CellSpec> cells = plan.cells(data.plans());
    store.admitPlans(new ArrayList<FoldPlan>(data.plans().values()));
    int adopted = store.adopt(cells.stream().map(CellSpec::key).collect(Collectors.toSet()));
    Set<String> done = store.finishedKeys();
    List<CellSpec> pending = cells.stream().filter(c -> !done.contains(c.key())).toList();
    int alreadyDone = cells.size() - pending.size();
    out.printf(
        Locale.ROOT,
        "%s: %d cells, %d already done%s, %d to run on %s (%d at a time); cells in %s%n",
        label,
        cells.size(),
        alreadyDone,
        adopted == 0 ? "" : " (" + adopted + " found in other studies)",
        pending.size(),
        engine.name(),
        engine.parallelism(),
        store.directory().resolve("cells"));
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    engine.run(
        pending,
        data,
        result -> {
          store.store(result);
          int count = finished.incrementAndGet();
          if (!result.succeeded()) {
            failed.incrementAndGet();
          }
          out.println(progress(result, count, pending.size(), start));
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Report(
        cells.size(), alreadyDone, finished.get() - failed.get(), failed.get(), seconds);
  }

  /** {@code [k/n] <cell>: <metric> <value>, <s> s; about <t> left}, or the failure. */
  private String progress(CellResult result, int count, int total, long start) {
    String head = String.format(Locale.ROOT, "[%d/%d] %s", count, total, result.spec().label());
    if (!result.succeeded()) {
      return head + ": FAILED: " + firstLine(result.error());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double left = elapsed / count * (total - count);
    Map<String, Double> metrics = result.outcome().metrics();
    String metric = metrics.containsKey("rmse") ? "rmse" : "accuracy";
    return String.format(
        Locale.ROOT,
        "%s: %s %.4f, %.1f s%s",
        head,
        metric,
        metrics.get(metric),
        result.outcome().seconds(),
        count == total ? "" : "; about " + Durations.format(left) + " left");
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
