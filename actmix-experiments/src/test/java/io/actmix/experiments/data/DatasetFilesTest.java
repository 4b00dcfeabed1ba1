package io.actmix.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a dataset is looked for, and the messages when it is nowhere. */
class DatasetFilesTest {

  /** Nothing listens on port 9 (discard) of the loopback interface here. */
  private static final URI NO_SERVER = URI.create("http://127.0.0.1:9/");

  @TempDir Path root;

  @Test
  void locate_inOverrideAndEnvironment_prefersOverride() throws IOException {
    Path override = dataset(root.resolve("override"));
    Path environment = dataset(root.resolve("environment"));

    Path found = files(override, environment).locate(UciDataset.MAGIC_GAMMA);

    assertEquals(override.resolve("magic_gamma/data.csv"), found);
  }

  @Test
  void locate_onlyInEnvironment_findsIt() throws IOException {
    Path override = Files.createDirectories(root.resolve("override"));
    Path environment = dataset(root.resolve("environment"));

    Path found = files(override, environment).locate(UciDataset.MAGIC_GAMMA);

    assertEquals(environment.resolve("magic_gamma/data.csv"), found);
  }

  @Test
  void locate_overrideDirectoryMissing_failsNamingIt() {
    Path missing = root.resolve("nowhere");

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> files(missing, null).locate(UciDataset.MAGIC_GAMMA));

    assertEquals(
        "data_dir = " + missing + "; must be an existing directory holding <dataset>/data.csv",
        error.getMessage());
  }

  @Test
  void locate_nowhereAndOffline_failsWithInstructionsAndWritesNothing() throws IOException {
    Path cache = root.resolve("cache");
    List<String> progress = new ArrayList<>();
    DatasetFiles files =
        new DatasetFiles(null, null, cache, new UciDownloader(NO_SERVER), progress::add);

    UciDownloader.DownloadException error =
        assertThrows(
            UciDownloader.DownloadException.class, () -> files.locate(UciDataset.MAGIC_GAMMA));

    String message = error.getMessage();
    assertEquals(
        List.of(true, true, false),
        List.of(
            message.startsWith("magic_gamma: download from " + NO_SERVER + " failed: "),
            message.endsWith(
                "Without network access, copy data.csv to "
                    + cache.resolve("magic_gamma/data.csv")
                    + ", or point ACTMIX_DATA_DIR (or data_dir=) at a folder holding"
                    + " magic_gamma/data.csv"),
            Files.exists(cache)));
  }

  @Test
  void standard_xdgCacheHome_putsCacheUnderIt() {
    DatasetFiles files = DatasetFiles.standard(null, Map.of("XDG_CACHE_HOME", "/xdg"), line -> {});

    assertEquals(List.of(Path.of("/xdg/actmix/datasets")), files.searchPath());
  }

  private DatasetFiles files(Path override, Path environment) {
    return new DatasetFiles(
        override, environment, root.resolve("cache"), new UciDownloader(NO_SERVER), line -> {});
  }

  /** A directory holding an (empty) magic_gamma/data.csv. */
  private static Path dataset(Path directory) throws IOException {
    Files.createDirectories(directory.resolve("magic_gamma"));
    Files.writeString(directory.resolve("magic_gamma/data.csv"), "");
    return directory;
  }
}
