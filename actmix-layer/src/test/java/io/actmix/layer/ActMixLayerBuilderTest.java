package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults of the builder, and bad configurations failing at build time with pinned messages. */
class ActMixLayerBuilderTest {

  @Test
  void build_noOptions_hasSpecificationDefaults() {
    ActMixLayer layer = new ActMixLayer.Builder().build();

    assertEquals(
        "ActMixLayer(nIn=0, basisFunctions=sin, tanh, relu, identity, reluBias=1.5, omega0=1.0,"
            + " temperature=1.0, entropyWeight=0.0, implementation=AUTO)",
        layer.toString());
  }

  @Test
  void build_afterDenseLayer_infersSizeFromInputType() {
    ActMixLayer layer = new ActMixLayer.Builder().build();

    new NeuralNetConfiguration.Builder()
        .list()
        .layer(new DenseLayer.Builder().nOut(17).build())
        .layer(layer)
        .setInputType(InputType.feedForward(3))
        .build();

    assertEquals(17, layer.getNIn());
  }

  @Test
  void basisFunctions_byName_parsesIgnoringCase() {
    ActMixLayer layer = new ActMixLayer.Builder().basisFunctions("Relu", "SILU", "sin").build();

    assertEquals(
        List.of(BasisFunction.RELU, BasisFunction.SILU, BasisFunction.SIN),
        layer.getBasisFunctions());
  }

  @Test
  void basisFunctions_unknownName_failsListingValidNames() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ActMixLayer.Builder().basisFunctions("sin", "gelu"));

    assertEquals(
        "Unknown basis 'gelu'; valid: sin, tanh, relu, identity, sigmoid, silu",
        error.getMessage());
  }

  @Test
  void build_emptyBasisList_failsListingValidNames() {
    assertBuildFails(
        () -> new ActMixLayer.Builder().basisFunctions(List.of()).build(),
        "ActMixLayer: basisFunctions = []; must name at least one of sin, tanh, relu, identity,"
            + " sigmoid, silu");
  }

  @Test
  void build_repeatedBasis_failsNamingTheRepeat() {
    assertBuildFails(
        () ->
            new ActMixLayer.Builder()
                .basisFunctions(BasisFunction.SIN, BasisFunction.RELU, BasisFunction.SIN)
                .build(),
        "ActMixLayer: basisFunctions = [sin, relu, sin]; must not repeat a basis; remove the"
            + " second 'sin'");
  }

  @Test
  void build_namedLayerWithBadValue_namesTheLayer() {
    assertBuildFails(
        () -> new ActMixLayer.Builder().name("mix1").temperature(0).build(),
        "ActMixLayer('mix1'): temperature = 0.0; must be > 0");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "temperature | -0.5 | ActMixLayer: temperature = -0.5; must be > 0",
        "temperature | 0.0 | ActMixLayer: temperature = 0.0; must be > 0",
        "temperature | NaN | ActMixLayer: temperature = NaN; must be finite",
        "omega0 | 0.0 | ActMixLayer: omega0 = 0.0; must be > 0",
        "omega0 | Infinity | ActMixLayer: omega0 = Infinity; must be finite",
        "reluBias | -Infinity | ActMixLayer: reluBias = -Infinity; must be finite",
        "reluBias | NaN | ActMixLayer: reluBias = NaN; must be finite",
        "entropyWeight | -0.01 | ActMixLayer: entropyWeight = -0.01; must be >= 0",
        "entropyWeight | NaN | ActMixLayer: entropyWeight = NaN; must be finite"
      })
  void build_invalidNumber_failsNamingFieldValueAndRule(
      String field, double value, String message) {
    ActMixLayer.Builder builder = new ActMixLayer.Builder();
    switch (field) {
      case "temperature" -> builder.temperature(value);
      case "omega0" -> builder.omega0(value);
      case "reluBias" -> builder.reluBias(value);
      case "entropyWeight" -> builder.entropyWeight(value);
      default -> throw new IllegalArgumentException("no such field in this test: " + field);
    }

    assertBuildFails(builder::build, message);
  }

  @Test
  void setTemperature_nonPositive_failsNamingTheLayer() {
    TestNetworks.useDoublePrecision();
    ActMixRuntimeLayer layer =
        TestNetworks.actMixLayers(
                TestNetworks.actMix(3, 4, 1, () -> new ActMixLayer.Builder().build()))
            .get(0);

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> layer.setTemperature(-1));

    assertEquals("ActMixLayer(layer 1): temperature = -1.0; must be > 0", error.getMessage());
  }

  @Test
  void build_afterConvolutionInput_failsAskingForDenseLayer() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new NeuralNetConfiguration.Builder()
                    .list()
                    .layer(new ActMixLayer.Builder().build())
                    .setInputType(InputType.convolutional(4, 4, 1))
                    .build());

    assertEquals(
        "ActMixLayer('layer0'): input type = InputTypeConvolutional(h=4,w=4,c=1,NCHW); must be"
            + " feed-forward; put it after a DenseLayer with identity activation",
        error.getMessage());
  }

  private static void assertBuildFails(Supplier<ActMixLayer> build, String message) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, build::get);
    assertEquals(message, error.getMessage());
  }
}
