package io.actmix.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.actmix.experiments.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * What the integration tests do on a machine without a data directory: they find the data where the
 * commands do, downloading it into the user's cache, and offline they fail once with the advice.
 */
class SharedDataTest {

  /** Nothing listens on port 9 (discard) of the loopback interface here. */
  private static final String NO_SERVER = "http://127.0.0.1:9/";

  @TempDir Path home;

  @Test
  @Tag("integration")
  void locate_noDataDirectoryAndAServer_downloadsTheVerifiedFileIntoTheUserCache()
      throws IOException {
    byte[] original = Files.readAllBytes(SharedData.file(UciDataset.POWER_PLANT));
    try (LocalUciServer server = new LocalUciServer(original, Integer.MAX_VALUE)) {
      SharedData data = new SharedData(standard(server.base().toString()));

      Path file = data.locate(UciDataset.POWER_PLANT);

      assertEquals(home.resolve("actmix/datasets/power_plant/data.csv"), file);
      assertArrayEquals(original, Files.readAllBytes(file));
    }
  }

  @Test
  void locate_offline_failsWithTheAdviceAndNoStackTrace() {
    SharedData data = new SharedData(standard(NO_SERVER));

    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> data.locate(UciDataset.MAGIC_GAMMA));

    assertEquals(
        List.of(true, true, 0),
        List.of(
            error
                .getMessage()
                .startsWith(
                    "The UCI datasets of the tests tagged integration cannot"
                        + " be had: magic_gamma: download from "
                        + NO_SERVER),
            error
                .getMessage()
                .endsWith(
                    ". On the project's machines: ACTMIX_DATA_DIR=../shared/datasets mvn verify;"
                        + " to run the other tests alone: mvn verify -DexcludedGroups=integration"),
            error.getStackTrace().length));
  }

  @Test
  void locate_offlineAfterAFailure_skipsInsteadOfFailingAgain() {
    SharedData data = new SharedData(standard(NO_SERVER));
    assertThrows(IllegalStateException.class, () -> data.locate(UciDataset.MAGIC_GAMMA));

    assertThrows(TestAbortedException.class, () -> data.locate(UciDataset.ADULT_CENSUS));
  }

  /** The commands' search, with no data directory, this test's cache, and {@code server}. */
  private DatasetFiles standard(String server) {
    return DatasetFiles.standard(
        null, Map.of("XDG_CACHE_HOME", home.toString(), "ACTMIX_UCI_URL", server), line -> {});
  }
}
