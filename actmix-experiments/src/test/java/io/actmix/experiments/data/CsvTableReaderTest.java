package io.actmix.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad files fail with the file, the line, the column and what was expected. */
class CsvTableReaderTest {

  private static final String POWER_HEADER = "AT,V,AP,RH,PE\n";
  private static final String MAGIC_HEADER =
      "fLength,fWidth,fSize,fConc,fConc1,fAsym,fM3Long,fM3Trans,fAlpha,fDist,class\n";

  @TempDir Path directory;

  @Test
  void read_wellFormedRows_parsesNumbersAndLabels() throws IOException {
    Path file = write(MAGIC_HEADER + "1,2,3,4,5,6,7,8,9,10,g\n1,2,3,4,5,6,7,8,9,10.5,h\n");

    RawTable table = RawTable.read(UciDataset.MAGIC_GAMMA, file);

    assertEquals(
        "[[0, 1], 10.5]",
        "["
            + java.util.Arrays.toString(table.labels())
            + ", "
            + table.records().get(1).get(9)
            + "]");
  }

  @Test
  void read_missingFile_namesFileAndDataset() {
    Path file = directory.resolve("data.csv");

    assertFails(file, "%s: file not found; expected the UCI data.csv of power_plant");
  }

  @Test
  void read_emptyFile_asksForHeader() throws IOException {
    Path file = write("");

    assertFails(file, "%s: file is empty; expected the header line 'AT,V,AP,RH,PE'");
  }

  @Test
  void read_wrongHeader_showsBothHeaders() throws IOException {
    Path file = write("AT,V,AP,RH,EP\n1,2,3,4,5\n");

    assertFails(file, "%s line 1: header = 'AT,V,AP,RH,EP'; must be 'AT,V,AP,RH,PE' (power_plant)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "too few fields | 1,2,3,4 | %s line 3: fields = 4; must be 5 (AT,V,AP,RH,PE)",
        "too many fields | 1,2,3,4,5,6 | %s line 3: fields = 6; must be 5 (AT,V,AP,RH,PE)",
        "empty line | '' | %s line 3: fields = 1; must be 5 (AT,V,AP,RH,PE)",
        "not a number | 1,2,abc,4,5 | %s line 3, column 'AP': value = 'abc'; must be a number",
        "NaN | 1,2,3,NaN,5 | %s line 3, column 'RH': value = 'NaN'; must be a finite number",
        "infinite target | 1,2,3,4,-Infinity"
            + " | %s line 3, column 'PE': value = '-Infinity'; must be a finite number"
      })
  void read_badPowerPlantRow_failsNamingLineAndColumn(String name, String row, String message)
      throws IOException {
    Path file = write(POWER_HEADER + "14.96,41.76,1024.07,73.17,463.26\n" + row + "\n");

    assertFails(file, message);
  }

  @Test
  void read_unknownLabel_listsAcceptedLabels() throws IOException {
    Path file = write(MAGIC_HEADER + "1,2,3,4,5,6,7,8,9,10,x\n");

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> RawTable.read(UciDataset.MAGIC_GAMMA, file));

    assertEquals(
        file + " line 2, column 'class': value = 'x'; must be one of g, h", error.getMessage());
  }

  @Test
  void of_unknownDatasetName_listsValidNames() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> UciDataset.of("iris"));

    assertEquals(
        "Unknown dataset 'iris'; valid: power_plant, adult_census, magic_gamma",
        error.getMessage());
  }

  private Path write(String content) throws IOException {
    return Files.writeString(directory.resolve("data.csv"), content);
  }

  private static void assertFails(Path file, String messageFormat) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> RawTable.read(UciDataset.POWER_PLANT, file));
    assertEquals(String.format(messageFormat, file), error.getMessage());
  }
}
