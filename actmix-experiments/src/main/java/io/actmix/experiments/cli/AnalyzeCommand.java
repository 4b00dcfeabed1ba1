package io.actmix.experiments.cli;

import io.actmix.experiments.analysis.Analysis;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code analyze checkpoint=… output_dir=…}: the statistics, plots and page of a saved ActMix model
 * (see {@link Analysis}). Its keys are its own, not those of {@code config/}.
 */
final class AnalyzeCommand {

  /** Where the output goes when {@code output_dir=} is not given. */
  static final String DEFAULT_OUTPUT = "analysis_results";

  private AnalyzeCommand() {}

  static List<Path> run(List<String> arguments, PrintStream out) {
    Path checkpoint = null;
    Path output = Path.of(DEFAULT_OUTPUT);
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      String key = equals < 0 ? argument : argument.substring(0, equals);
      String value = equals < 0 ? "" : argument.substring(equals + 1);
      switch (key) {
        case "checkpoint" -> checkpoint = Path.of(value);
        case "output_dir" -> output = Path.of(value);
        default ->
            throw new IllegalArgumentException(
                "Unknown key '" + key + "' for analyze; valid: checkpoint, output_dir");
      }
    }
    if (checkpoint == null) {
      throw new IllegalArgumentException(
          "analyze: checkpoint= is missing; for example"
              + " checkpoint=experiments/mlp_actmix_power_plant/checkpoints/best.zip");
    }
    List<Path> written = Analysis.run(checkpoint, output);
    out.println(
        "Wrote "
            + written.size()
            + " files to "
            + output
            + "; open "
            + output.resolve(Analysis.INDEX));
    return written;
  }
}
