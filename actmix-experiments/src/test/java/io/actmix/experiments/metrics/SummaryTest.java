package io.actmix.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregates over folds. */
class SummaryTest {

  @Test
  void of_fourValues_givesMeanPopulationStdMinMax() {
    Summary summary = Summary.of(List.of(1.0, 2.0, 3.0, 6.0));

    // Mean 3; squared deviations 4, 1, 0, 9; population variance 14 / 4.
    assertEquals(new Summary(3, Math.sqrt(3.5), 1, 6, List.of(1.0, 2.0, 3.0, 6.0)), summary);
  }
}
