package io.actmix.experiments.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cosine learning-rate schedule at its boundaries, with the defaults 1e-3 → 1e-5 over 200. */
class CosineScheduleTest {

  @ParameterizedTest(name = "lr({0}) = {1}")
  @CsvSource({
    "0, 1.0e-3", // start
    "100, 5.05e-4", // half-way: (1e-3 + 1e-5) / 2
    "200, 1.0e-5", // end
    "250, 1.0e-5" // past the end
  })
  void valueAt_defaultSchedule_followsHalfCosine(int epoch, double expected) {
    assertEquals(expected, new CosineSchedule(1e-3, 0.01, 200).valueAt(0, epoch), 1e-18);
  }
}
