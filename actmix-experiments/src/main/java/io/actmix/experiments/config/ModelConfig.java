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
 * @param actmix the ActMix layer's options; for {@code activation: actmix}, and for an embedding
 *     with an ActMix activation
 * @param embedding the periodic embedding of the numeric inputs before the hidden blocks, or null
 *     for none (the four compared networks)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(
    @JsonProperty("name") String name,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("hidden_sizes") List<Integer> hiddenSizes,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("actmix") ActMix actmix,
    @JsonProperty("embedding") Embedding embedding) {

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
    if (embedding != null
        && embedding.activation() == Embedding.Activation.ACTMIX
        && actmix == null) {
      throw new IllegalArgumentException(
          "model.actmix is missing; an embedding with activation actmix takes its options"
              + " (basis_functions, relu_bias, omega_0, schedule) from model.actmix");
    }
  }

  /**
   * Whether any of the model's layers mixes basis functions (ActMix hidden blocks, or an embedding
   * with an ActMix activation): what the ActMix schedules and the mixing history apply to.
   */
  public boolean usesActMix() {
    return activation == Activation.ACTMIX
        || (embedding != null && embedding.activation() == Embedding.Activation.ACTMIX);
  }

  /**
   * Learned periodic embeddings of the numeric inputs (the actmix-layer's {@code
   * PeriodicEmbeddingLayer}): per numeric feature, {@code frequencies} sines and as many cosines of
   * trainable frequencies drawn from N(0, σ²), a linear map to {@code size} values, and an
   * activation; categorical (one-hot) columns pass through.
   *
   * @param frequencies K, the frequencies per feature
   * @param size d, the embedding size per feature
   * @param sigma σ, the frequencies' initial scale
   * @param activation {@code relu} (the PLR embedding) or {@code actmix}, a mixture per embedding
   *     unit with {@code model.actmix}'s options and the training's schedules
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Embedding(
      @JsonProperty("frequencies") int frequencies,
      @JsonProperty("size") int size,
      @JsonProperty("sigma") double sigma,
      @JsonProperty("activation") Activation activation) {

    /** The activation after the per-feature linear map. */
    public enum Activation {
      RELU,
      ACTMIX;

      @com.fasterxml.jackson.annotation.JsonValue
      public String label() {
        return name().toLowerCase(Locale.ROOT);
      }
    }

    /** Validates every field. */
    public Embedding {
      Checks.atLeast("model.embedding.frequencies", frequencies, 1);
      Checks.atLeast("model.embedding.size", size, 1);
      Checks.positive("model.embedding.sigma", sigma);
      Checks.present("model.embedding.activation", activation);
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
