package io.actmix.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: whole files only, with the permissions any new file of the process gets. */
class AtomicFilesTest {

  @TempDir Path directory;

  @Test
  void writeString_newFile_getsThePermissionsOfAPlainNewFile() throws IOException {
    Path plain = Files.createFile(directory.resolve("plain.txt"));

    Path written = directory.resolve("results.json");
    AtomicFiles.writeString(written, "{}");

    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    assertEquals(expected, Files.getPosixFilePermissions(written));
  }

  @Test
  void write_contentThrows_leavesTheOldFileAndNoTemporary() throws IOException {
    Path target = Files.writeString(directory.resolve("results.json"), "old");

    assertThrows(
        UncheckedIOException.class,
        () ->
            AtomicFiles.write(
                target,
                out -> {
                  out.write('x');
                  throw new IOException("disk full");
                }));

    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(
          List.of(List.of(target), "old"), List.of(files.toList(), Files.readString(target)));
    }
  }
}
