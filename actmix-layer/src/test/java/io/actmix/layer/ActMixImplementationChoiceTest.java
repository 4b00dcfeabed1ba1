package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which implementation runs: AUTO, the default, runs DIRECT on a CPU backend (JVM arrays, one copy
 * in and out) and SAMEDIFF on a GPU backend (stays on the device); DIRECT and SAMEDIFF run as
 * asked.
 */
class ActMixImplementationChoiceTest {

  @BeforeAll
  static void doublePrecision() {
    TestNetworks.useDoublePrecision();
  }

  @ParameterizedTest(name = "{0} on a CPU backend: {1}, on a GPU backend: {2}")
  @CsvSource({"AUTO, DIRECT, SAMEDIFF", "DIRECT, DIRECT, DIRECT", "SAMEDIFF, SAMEDIFF, SAMEDIFF"})
  void resolve_backend_choosesTheImplementationThatSuitsIt(
      ActMixLayer.Implementation configured,
      ActMixLayer.Implementation onCpu,
      ActMixLayer.Implementation onGpu) {
    assertEquals(
        List.of(onCpu, onGpu), List.of(configured.resolve(true), configured.resolve(false)));
  }

  @Test
  void builder_noImplementationGiven_configuresAuto() {
    assertEquals(
        ActMixLayer.Implementation.AUTO, new ActMixLayer.Builder().build().getImplementation());
  }

  @Test
  void instantiate_defaultOnThisCpuBackend_runsTheDirectLayer() {
    MultiLayerNetwork network =
        TestNetworks.actMix(3, 4, 1, () -> new ActMixLayer.Builder().build());

    assertEquals(ActMixDirectLayer.class, TestNetworks.actMixLayers(network).get(0).getClass());
  }
}
