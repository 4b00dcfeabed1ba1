package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two schedules at their boundaries, with the specification's defaults. */
class ScheduleTest {

  /** The values below are exact decimals computed by hand; the formula adds one rounding. */
  private static final double TOLERANCE = 1e-15;

  @ParameterizedTest(name = "T({0}) = {1}")
  @CsvSource({
    "0, 1.0",
    "1, 0.9934",
    "75, 0.505",
    "149, 0.0166",
    "150, 0.01",
    "151, 0.01",
    "500, 0.01"
  })
  void temperatureValueAt_defaultSchedule_followsLinearAnneal(int epoch, double expected) {
    assertEquals(expected, TemperatureSchedule.defaults().valueAt(12345, epoch), TOLERANCE);
  }

  @ParameterizedTest(name = "λ({0}) = {1}")
  @CsvSource({"0, 0.0", "1, 0.0002", "25, 0.005", "50, 0.01", "51, 0.01", "500, 0.01"})
  void entropyWeightValueAt_defaultSchedule_followsLinearWarmup(int epoch, double expected) {
    assertEquals(expected, EntropyWarmupSchedule.defaults().valueAt(12345, epoch), TOLERANCE);
  }

  @Test
  void temperatureValueAt_zeroAnnealEpochs_isFinalFromEpochZero() {
    assertEquals(0.2, new TemperatureSchedule(1.0, 0.2, 0).valueAt(0, 0));
  }

  @Test
  void entropyWeightValueAt_zeroWarmupEpochs_isMaximumFromEpochZero() {
    assertEquals(0.3, new EntropyWarmupSchedule(0.3, 0).valueAt(0, 0));
  }

  @Test
  void clone_immutableSchedule_returnsSameInstance() {
    TemperatureSchedule schedule = TemperatureSchedule.defaults();

    assertSame(schedule, schedule.clone());
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.0 | 0.01 | 150 | TemperatureSchedule: initialTemperature = 0.0; must be > 0",
        "1.0 | -0.5 | 150 | TemperatureSchedule: finalTemperature = -0.5; must be > 0",
        "NaN | 0.01 | 150 | TemperatureSchedule: initialTemperature = NaN; must be finite",
        "1.0 | Infinity | 150 | TemperatureSchedule: finalTemperature = Infinity; must be finite",
        "1.0 | 0.01 | -1 | TemperatureSchedule: annealEpochs = -1; must be >= 0"
      })
  void temperatureSchedule_invalidArgument_failsNamingFieldValueAndRule(
      double initial, double finalValue, int epochs, String message) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TemperatureSchedule(initial, finalValue, epochs));

    assertEquals(message, error.getMessage());
  }

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-0.01 | 50 | EntropyWarmupSchedule: lambdaMax = -0.01; must be >= 0",
        "NaN | 50 | EntropyWarmupSchedule: lambdaMax = NaN; must be finite",
        "0.01 | -3 | EntropyWarmupSchedule: warmupEpochs = -3; must be >= 0"
      })
  void entropyWarmupSchedule_invalidArgument_failsNamingFieldValueAndRule(
      double lambdaMax, int epochs, String message) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> new EntropyWarmupSchedule(lambdaMax, epochs));

    assertEquals(message, error.getMessage());
  }
}
