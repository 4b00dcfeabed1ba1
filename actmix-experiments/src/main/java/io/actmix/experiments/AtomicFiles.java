package io.actmix.experiments;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old file or the whole new one, never a part: the
 * bytes go to a temporary file in the same directory, which is then renamed over the target.
 *
 * <p>The temporary file is created as any new file is, so the result gets the process's usual
 * permissions (0666 less the umask, typically {@code rw-r--r--}); {@link Files#createTempFile(Path,
 * String, String)} would make it readable by its owner only.
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
    Path temporary = null;
    try {
      temporary = temporaryCopy(target, content);
      moveIntoPlace(temporary, target);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new UncheckedIOException(target + ": cannot be written: " + reason(e), e);
    }
  }

  /**
   * Writes {@code content} to {@code target} only if no file is there, atomically: the bytes go to
   * a temporary file, which is then hard-linked to {@code target} (a link, unlike a rename, fails
   * when the target exists, even when another process makes it at the same moment).
   *
   * @return whether this call wrote {@code target}; {@code false} when a file was already there
   */
  public static boolean writeNew(Path target, Content content) {
    Path temporary = null;
    try {
      temporary = temporaryCopy(target, content);
      Files.createLink(target, temporary);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(target + ": cannot be written: " + reason(e), e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /**
   * Writes {@code content} to a new {@linkplain #temporarySibling temporary file} beside {@code
   * target}, creating the parent directories; a failure deletes that file and is rethrown.
   */
  private static Path temporaryCopy(Path target, Content content) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path temporary = temporarySibling(target);
    try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
      content.writeTo(out);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temporary);
      throw e;
    }
    return temporary;
  }

  /**
   * A new, unused name beside {@code target}: {@code .<name>.<random>.partial}. The file is not
   * created; open it with {@link StandardOpenOption#CREATE_NEW}, which fails rather than share it.
   */
  public static Path temporarySibling(Path target) {
    Path directory = target.toAbsolutePath().getParent();
    long random = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    return directory.resolve(
        "." + target.getFileName() + "." + Long.toString(random, 36) + ".partial");
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

  /**
   * What went wrong, in words: {@link java.nio.file.FileSystemException}s carry only the path as
   * their message, so the reason is spelled out (for example {@code permission denied on /r/x}).
   */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied on " + e.getMessage();
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way: " + e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + e.getMessage();
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory: " + e.getMessage();
    }
    if (e instanceof FileSystemException f && f.getFile() != null && fileInTheWay(f) != null) {
      return "a file is in the way: " + fileInTheWay(f);
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT) + ": " + f.getFile();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The regular file among the ancestors of the exception's path, where a folder should be. */
  private static Path fileInTheWay(FileSystemException e) {
    for (Path p = Path.of(e.getFile()).getParent(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
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
