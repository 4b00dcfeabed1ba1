package io.actmix.experiments.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.actmix.layer.BasisFunction;
import java.util.List;
import java.util.Locale;

/**
 * One of the four compared models (SPEC §2); the files of {@code config/model/}.
 *
 * @param name the model's name, for example {@code mlp_actmix}
 * @param activation {@code actmix}, {@code relu}, {@code gelu} or {@code prelu}
 * @param hiddenSizes the width of each hidden block
 * @param dropout the drop probability after each block's activation
 * @param actmix the ActMix layer's options; only for {@code activation: actmix}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(
    @JsonProperty("name") String name,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("hidden_sizes") List<Integer> hiddenSizes,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("actmix") ActMix actmix) {

  /** The ActMix schedules of training: the reference's {@code -full} and {@code -notemp}. */
  public enum Schedule {
    /** Temperature annealing and the entropy penalty's warm-up (SPEC §1). */
    FULL,
    /** Neither: the temperature stays at {@code training.temperature.initial}, no penalty. */
    NOTEMP;

    /** Parses a name; the error lists the choices. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Schedule of(String name) {
      for (Schedule schedule : values()) {
        if (schedule.label().equals(name)) {
          return schedule;
        }
      }
      throw new IllegalArgumentException(
          "model.actmix.schedule = '" + name + "'; must be full or notemp");
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The activation of a hidden block. */
  public enum Activation {
    ACTMIX,
    RELU,
    GELU,
    PRELU;

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates every field. */
  public ModelConfig {
    Checks.present("model.name", name);
    Checks.present("model.activation", activation);
    Checks.present("model.hidden_sizes", hiddenSizes);
    if (hiddenSizes.isEmpty() || hiddenSizes.stream().anyMatch(size -> size == null || size < 1)) {
      throw new IllegalArgumentException(
          "model.hidden_sizes = " + hiddenSizes + "; must be one or more sizes >= 1");
    }
    hiddenSizes = List.copyOf(hiddenSizes);
    if (!Double.isFinite(dropout) || dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("model.dropout = " + dropout + "; must be in [0, 1)");
    }
    if (activation == Activation.ACTMIX && actmix == null) {
      throw new IllegalArgumentException(
          "model.actmix is missing; an actmix model needs basis_functions, relu_bias, omega_0");
    }
  }

  /**
   * The ActMix layer's options.
   *
   * @param basisFunctions basis names, parsed by {@link BasisFunction#of}
   * @param reluBias initial logit of the ReLU basis
   * @param omega0 frequency scale of the sine basis
   * @param schedule whether the temperature anneals and the entropy penalty warms up ({@code full})
   *     or the temperature stays at its initial value with no penalty ({@code notemp}), the
   *     reference study's ablation
   */
  public record ActMix(
      @JsonProperty("basis_functions") List<String> basisFunctions,
      @JsonProperty("relu_bias") double reluBias,
      @JsonProperty("omega_0") double omega0,
      @JsonProperty("schedule") Schedule schedule) {

    /** Validates every field. */
    public ActMix {
      Checks.present("model.actmix.basis_functions", basisFunctions);
      basisFunctions.forEach(BasisFunction::of);
      basisFunctions = List.copyOf(basisFunctions);
      Checks.finite("model.actmix.relu_bias", reluBias);
      Checks.positive("model.actmix.omega_0", omega0);
      Checks.present("model.actmix.schedule", schedule);
    }

    /** The basis functions, parsed. */
    public List<BasisFunction> bases() {
      return basisFunctions.stream().map(BasisFunction::of).toList();
    }
  }
}
