package io.actmix.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actmix.experiments.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads of power_plant from a local server with UCI's API, serving the real file (read from the
 * shared data directory) whole, cut short, or altered.
 */
@Tag("integration")
class UciDownloaderTest {

  @TempDir Path cache;

  @Test
  void locate_datasetOnlyOnServer_downloadsVerifiedFileIntoCache() throws IOException {
    byte[] original = Files.readAllBytes(SharedData.file(UciDataset.POWER_PLANT));
    try (LocalUciServer server = new LocalUciServer(original, Integer.MAX_VALUE)) {

      Path file = files(server).locate(UciDataset.POWER_PLANT);

      assertEquals(cache.resolve("power_plant").resolve("data.csv"), file);
      assertEquals(List.of(file), filesUnder(cache));
    }
  }

  @Test
  void locate_datasetAlreadyCached_doesNotDownload() throws IOException {
    byte[] original = Files.readAllBytes(SharedData.file(UciDataset.POWER_PLANT));
    Files.createDirectories(cache.resolve("power_plant"));
    Files.write(cache.resolve("power_plant").resolve("data.csv"), original);
    try (LocalUciServer server = new LocalUciServer(original, Integer.MAX_VALUE)) {

      files(server).locate(UciDataset.POWER_PLANT);

      assertEquals(0, server.requests());
    }
  }

  @Test
  void download_truncatedBody_failsAndLeavesCacheEmpty() throws IOException {
    byte[] original = Files.readAllBytes(SharedData.file(UciDataset.POWER_PLANT));
    try (LocalUciServer server = new LocalUciServer(original, original.length / 2)) {

      UciDownloader.DownloadException error =
          assertThrows(
              UciDownloader.DownloadException.class,
              () -> files(server).locate(UciDataset.POWER_PLANT));

      assertTrue(
          error
              .getMessage()
              .startsWith("power_plant: download from " + server.base() + " failed: "),
          error.getMessage());
      assertEquals(List.of(), filesUnder(cache));
    }
  }

  @Test
  void download_missingRows_failsNamingRowCount() throws IOException {
    String text = Files.readString(SharedData.file(UciDataset.POWER_PLANT));
    byte[] firstRows =
        text.substring(0, text.indexOf('\n', 1000) + 1).getBytes(StandardCharsets.UTF_8);
    try (LocalUciServer server = new LocalUciServer(firstRows, Integer.MAX_VALUE)) {

      UciDownloader.DownloadException error =
          assertThrows(
              UciDownloader.DownloadException.class,
              () ->
                  new UciDownloader(server.base())
                      .download(UciDataset.POWER_PLANT, cache.resolve("power_plant/data.csv")));

      assertTrue(
          error
              .getMessage()
              .contains(
                  "static/data.csv: rows = "
                      + (text.substring(0, text.indexOf('\n', 1000)).split("\n").length - 1)
                      + "; must be 9568 (truncated download?)"),
          error.getMessage());
      assertEquals(List.of(), filesUnder(cache));
    }
  }

  @Test
  void download_alteredValue_failsNamingDigestsAndLeavesCacheEmpty() throws IOException {
    String text = Files.readString(SharedData.file(UciDataset.POWER_PLANT));
    byte[] altered = text.replaceFirst("463\\.26", "463.27").getBytes(StandardCharsets.UTF_8);
    try (LocalUciServer server = new LocalUciServer(altered, Integer.MAX_VALUE)) {

      UciDownloader.DownloadException error =
          assertThrows(
              UciDownloader.DownloadException.class,
              () -> files(server).locate(UciDataset.POWER_PLANT));

      assertTrue(
          error.getMessage().contains("; must be " + UciDataset.POWER_PLANT.sha256()),
          error.getMessage());
      assertEquals(List.of(), filesUnder(cache));
    }
  }

  private DatasetFiles files(LocalUciServer server) {
    return new DatasetFiles(null, null, cache, new UciDownloader(server.base()), line -> {});
  }

  static List<Path> filesUnder(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
