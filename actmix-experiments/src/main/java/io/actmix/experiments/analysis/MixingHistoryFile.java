package io.actmix.experiments.analysis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.actmix.experiments.AtomicFiles;
import io.actmix.layer.MixingSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The mixing history of a training run, {@code mixing_history.json} beside its checkpoints. */
public final class MixingHistoryFile {

  /** The file's name. */
  public static final String FILE_NAME = "mixing_history.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private MixingHistoryFile() {}

  /** Writes {@code history} to {@code file} atomically. */
  public static void write(Path file, List<MixingSnapshot> history) {
    AtomicFiles.write(file, out -> JSON.writeValue(out, history));
  }

  /** Reads a history written by {@link #write}. */
  public static List<MixingSnapshot> read(Path file) {
    try {
      return JSON.readValue(file.toFile(), new TypeReference<List<MixingSnapshot>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + AtomicFiles.reason(e), e);
    }
  }
}
