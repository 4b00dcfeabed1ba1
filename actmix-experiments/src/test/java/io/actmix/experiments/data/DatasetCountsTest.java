package io.actmix.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.actmix.experiments.SharedData;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/** The real datasets, read from the shared data directory, have the documented shapes. */
@Tag("integration")
class DatasetCountsTest {

  @Test
  void powerPlant_fullData_has9568RowsOf4Features() {
    assertEquals("9568 x 4", shape(UciDataset.POWER_PLANT));
  }

  @Test
  void adultCensus_fullDataEncoded_has45222RowsOf104Features() {
    assertEquals("45222 x 104", shape(UciDataset.ADULT_CENSUS));
  }

  @Test
  void magicGamma_fullData_has19020RowsOf10Features() {
    assertEquals("19020 x 10", shape(UciDataset.MAGIC_GAMMA));
  }

  @Test
  void magicGamma_labels_count12332GammaAnd6688Hadron() {
    int[] labels = SharedData.table(UciDataset.MAGIC_GAMMA).labels();

    assertArrayEquals(new long[] {12_332, 6_688}, classCounts(labels, 2));
  }

  @Test
  void adultCensus_labels_count34014AtMost50KAnd11208Above() {
    int[] labels = SharedData.table(UciDataset.ADULT_CENSUS).labels();

    assertArrayEquals(new long[] {34_014, 11_208}, classCounts(labels, 2));
  }

  private static String shape(UciDataset dataset) {
    RawTable table = SharedData.table(dataset);
    int[] all = IntStream.range(0, table.rows()).toArray();
    DataSet encoded = Preprocessing.fit(table, all).apply(table, all);
    return encoded.getFeatures().rows() + " x " + encoded.getFeatures().columns();
  }

  private static long[] classCounts(int[] labels, int classes) {
    return IntStream.range(0, classes)
        .mapToLong(c -> Arrays.stream(labels).filter(label -> label == c).count())
        .toArray();
  }
}
