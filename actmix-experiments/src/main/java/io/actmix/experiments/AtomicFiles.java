package io.actmix.experiments;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that readers see either the old file or the whole new one, never a part: the
 * bytes go to a temporary file in the same directory, which is then renamed over the target.
 */
public final class AtomicFiles {

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8 to {@code target}, creating its parent directories. */
  public static void writeString(Path target, String text) {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes {@code content} to {@code target}, creating its parent directories; on failure the
   * temporary file is deleted and {@code target} is left as it was.
   */
  public static void write(Path target, Content content) {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + target.getFileName(), ".partial");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      moveIntoPlace(temporary, target);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new UncheckedIOException(target + ": cannot be written: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(temporary);
      throw e;
    }
  }

  /** Renames {@code source} over {@code target}, atomically where the file system can. */
  public static void moveIntoPlace(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes {@code file} if it exists, ignoring failures (used on error paths only). */
  public static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Best effort on an error path; the original failure is what the caller reports.
    }
  }
}
