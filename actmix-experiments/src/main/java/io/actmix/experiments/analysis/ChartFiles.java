package io.actmix.experiments.analysis;

import io.actmix.experiments.AtomicFiles;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes charts as PNG files: the analysis's and the study reports'. */
public final class ChartFiles {

  private ChartFiles() {}

  /**
   * Writes {@code chart} as {@code <name>.png} into {@code directory}, atomically; returns the file
   * name.
   */
  public static String savePng(Chart<?, ?> chart, Path directory, String name) {
    String file = name + ".png";
    AtomicFiles.write(
        directory.resolve(file),
        out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    return file;
  }
}
