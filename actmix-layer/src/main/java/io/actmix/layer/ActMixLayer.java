package io.actmix.layer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The ActMix layer configuration: a drop-in DL4J SameDiff layer in which every neuron learns its
 * own convex combination of basis functions.
 *
 * <pre>
 *   ActMix(z_j) = Σ_k α_jk · φ_k(z_j),        α_j = softmax(a_j / T)
 * </pre>
 *
 * <p>It has no weights of its own: like {@code PReLULayer}, it follows a {@code DenseLayer} with
 * identity activation and maps each pre-activation {@code z_j} elementwise. Its size is inferred
 * from the input type.
 *
 * <pre>{@code
 * .layer(new DenseLayer.Builder().nOut(128).activation(Activation.IDENTITY).build())
 * .layer(new ActMixLayer.Builder().build())
 * }</pre>
 *
 * <p>Parameters:
 *
 * <ul>
 *   <li>{@value #LOGITS} [neurons, bases], trainable: the mixing logits {@code a}, initialised to 0
 *       except the ReLU column, which starts at {@code reluBias}.
 *   <li>{@value #STATE} [1, 2], not trainable: the temperature {@code T} and the entropy weight
 *       {@code λ_l} of this layer. They are parameters only so that a saved model keeps them; the
 *       runtime layer zeroes their gradient, no regularizer applies to them, and so no updater
 *       moves them: every DL4J updater turns a gradient that has always been zero into an update of
 *       zero. They share the layer's updater rather than a {@code NoOp} one, because DL4J updates
 *       consecutive parameters with the same updater in one block, and each block costs native ops
 *       every iteration: a {@code NoOp} state splits a network's updater into two more blocks per
 *       ActMix layer.
 * </ul>
 *
 * <p>Training loss = task loss + {@code λ_l · H̄_l} for each ActMix layer {@code l}, where {@code
 * H̄_l} is the mean neuron entropy (see {@link LayerMixing}). The {@link EntropyWarmupListener}
 * sets every {@code λ_l} to {@code λ(epoch) / L} for the {@code L} ActMix layers of a network,
 * which makes the penalty {@code λ(epoch)} times the mean entropy over layers. Without listeners,
 * {@code T} and {@code λ_l} keep their configured values: a fixed-temperature ablation.
 */
public class ActMixLayer extends SameDiffLayer {

  private static final long serialVersionUID = 1L;

  /** Name of the trainable mixing-logit parameter, shape [neurons, bases]. */
  public static final String LOGITS = "logits";

  /** Name of the non-trainable state parameter, shape [1, 2]: temperature, entropy weight. */
  public static final String STATE = "state";

  static final int TEMPERATURE_INDEX = 0;
  static final int ENTROPY_WEIGHT_INDEX = 1;

  /** Default basis functions: sin, tanh, relu, identity. */
  public static final List<BasisFunction> DEFAULT_BASIS_FUNCTIONS =
      List.of(BasisFunction.SIN, BasisFunction.TANH, BasisFunction.RELU, BasisFunction.IDENTITY);

  /** Default initial logit of the ReLU basis. */
  public static final double DEFAULT_RELU_BIAS = 1.5;

  /** Default frequency scale of the sine basis. */
  public static final double DEFAULT_OMEGA_0 = 1.0;

  /** Default softmax temperature (the start of the annealing schedule). */
  public static final double DEFAULT_TEMPERATURE = 1.0;

  /** Default entropy weight of a layer: no penalty until a listener or the builder sets one. */
  public static final double DEFAULT_ENTROPY_WEIGHT = 0.0;

  /** How the runtime layer computes the same forward pass and gradients. */
  public enum Implementation {
    /**
     * {@link #DIRECT} on a CPU backend, {@link #SAMEDIFF} on any other (CUDA), decided when the
     * network is initialised, from the ND4J backend it runs on. DIRECT computes on JVM arrays, so
     * on a GPU every pass of every layer would copy its activations to the host and back; SAMEDIFF
     * keeps them on the device. A configuration saved with AUTO picks again where it is loaded. The
     * default.
     */
    AUTO,
    /**
     * Hand-written forward and backward passes on JVM arrays, in double precision: one bulk copy in
     * and one out per pass, no ND4J op. Tests hold it equal to {@link #SAMEDIFF} in forward output
     * and every gradient. What {@link #AUTO} runs on a CPU backend.
     */
    DIRECT,
    /**
     * The SameDiff graph of {@link #defineLayer}, differentiated by SameDiff: the reference, and
     * what {@link #AUTO} runs on a GPU backend.
     */
    SAMEDIFF;

    /**
     * The implementation that runs: this one, or for {@link #AUTO} the one that suits the backend.
     *
     * @param cpuBackend whether ND4J computes on the CPU ({@code Nd4j.getEnvironment().isCPU()})
     */
    public Implementation resolve(boolean cpuBackend) {
      if (this != AUTO) {
        return this;
      }
      return cpuBackend ? DIRECT : SAMEDIFF;
    }
  }

  /** Default implementation. */
  public static final Implementation DEFAULT_IMPLEMENTATION = Implementation.AUTO;

  @JsonProperty("nIn")
  private long nIn;

  @JsonProperty("basisFunctions")
  private List<BasisFunction> basisFunctions;

  @JsonProperty("reluBias")
  private double reluBias;

  @JsonProperty("omega0")
  private double omega0;

  @JsonProperty("temperature")
  private double temperature;

  @JsonProperty("entropyWeight")
  private double entropyWeight;

  @JsonProperty("implementation")
  private Implementation implementation = Implementation.SAMEDIFF;

  /** For JSON deserialization only: DL4J restores layer configurations through Jackson. */
  protected ActMixLayer() {}

  private ActMixLayer(Builder builder) {
    super(builder);
    this.nIn = builder.size;
    this.basisFunctions = List.copyOf(builder.basisFunctions);
    this.reluBias = builder.reluBias;
    this.omega0 = builder.omega0;
    this.temperature = builder.initialTemperature;
    this.entropyWeight = builder.entropyWeight;
    this.implementation = builder.implementation;
  }

  @Override
  public void defineParameters(SDLayerParams params) {
    params.clear();
    params.addWeightParam(LOGITS, nIn, basisFunctions.size());
    params.addBiasParam(STATE, 1, 2);
  }

  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    INDArray logits = params.get(LOGITS).assign(0.0);
    int reluColumn = basisFunctions.indexOf(BasisFunction.RELU);
    if (reluColumn >= 0) {
      logits.get(NDArrayIndex.all(), NDArrayIndex.point(reluColumn)).assign(reluBias);
    }
    INDArray state = params.get(STATE);
    state.putScalar(0, TEMPERATURE_INDEX, temperature);
    state.putScalar(0, ENTROPY_WEIGHT_INDEX, entropyWeight);
  }

  /**
   * The forward graph. With {@code z} of shape [batch, neurons] and {@code α} of shape [neurons,
   * bases], the output is {@code Σ_k φ_k(z) ⊙ α[:, k]}, broadcast over the batch.
   */
  @Override
  public SDVariable defineLayer(
      SameDiff sd, SDVariable layerInput, Map<String, SDVariable> paramTable, SDVariable mask) {
    SDVariable temperatureVar =
        paramTable
            .get(STATE)
            .get(SDIndex.all(), SDIndex.interval(TEMPERATURE_INDEX, TEMPERATURE_INDEX + 1));
    SDVariable scaledLogits = paramTable.get(LOGITS).div("scaled_logits", temperatureVar);
    SDVariable alpha = sd.nn().softmax("alpha", scaledLogits, 1);
    SDVariable output = null;
    for (int k = 0; k < basisFunctions.size(); k++) {
      BasisFunction basis = basisFunctions.get(k);
      SDVariable coefficient = alpha.get(SDIndex.all(), SDIndex.point(k));
      SDVariable term =
          basis.define(sd, layerInput, omega0).mul("term_" + basis.label(), coefficient);
      output = output == null ? term : output.add(term);
    }
    return output;
  }

  @Override
  public Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams,
      DataType networkDataType) {
    ActMixRuntimeLayer layer =
        implementation.resolve(Nd4j.getEnvironment().isCPU()) == Implementation.DIRECT
            ? new ActMixDirectLayer(conf, networkDataType)
            : new ActMixRuntimeLayer(conf, networkDataType);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(layerParamsView);
    layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
    layer.setConf(conf);
    return layer;
  }

  @Override
  public void setNIn(InputType inputType, boolean override) {
    long inferred = feedForwardSize(inputType);
    if (nIn <= 0 || override) {
      nIn = inferred;
    }
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    long inferred = feedForwardSize(inputType);
    if (nIn > 0 && inferred != nIn) {
      throw new IllegalArgumentException(
          where(layerIndex)
              + ": input size = "
              + inferred
              + "; must equal nIn = "
              + nIn
              + "; leave nIn unset to infer it from the layer before");
    }
    return InputType.feedForward(inferred);
  }

  private long feedForwardSize(InputType inputType) {
    if (!(inputType instanceof InputType.InputTypeFeedForward)) {
      throw new IllegalArgumentException(
          where(-1)
              + ": input type = "
              + inputType
              + "; must be feed-forward; put it after a DenseLayer with identity activation");
    }
    return ((InputType.InputTypeFeedForward) inputType).getSize();
  }

  private String where(int layerIndex) {
    return Checks.where("ActMixLayer", getLayerName(), layerIndex);
  }

  /** The state parameter is never regularized (no weight decay on the temperature). */
  @Override
  public List<Regularization> getRegularizationByParam(String paramName) {
    return STATE.equals(paramName) ? List.of() : super.getRegularizationByParam(paramName);
  }

  /** Number of neurons (input size = output size); 0 until inferred from the input type. */
  public long getNIn() {
    return nIn;
  }

  /** Sets the number of neurons; used by JSON deserialization. */
  public void setNIn(long nIn) {
    this.nIn = nIn;
  }

  /** The basis functions φ, in mixing-logit column order; an unmodifiable list. */
  public List<BasisFunction> getBasisFunctions() {
    return basisFunctions;
  }

  /** Sets the basis functions; used by JSON deserialization. */
  public void setBasisFunctions(List<BasisFunction> basisFunctions) {
    this.basisFunctions = List.copyOf(basisFunctions);
  }

  /** Initial mixing logit of the ReLU basis (all other logits start at 0). */
  public double getReluBias() {
    return reluBias;
  }

  /** Sets the ReLU bias; used by JSON deserialization. */
  public void setReluBias(double reluBias) {
    this.reluBias = reluBias;
  }

  /** Frequency scale ω0 of the sine basis {@code sin(ω0 · z)}. */
  public double getOmega0() {
    return omega0;
  }

  /** Sets ω0; used by JSON deserialization. */
  public void setOmega0(double omega0) {
    this.omega0 = omega0;
  }

  /**
   * The temperature a new network starts with. The current temperature is state of the runtime
   * layer ({@link ActMixRuntimeLayer#temperature()}), saved with the model.
   */
  public double getTemperature() {
    return temperature;
  }

  /** Sets the initial temperature; used by JSON deserialization. */
  public void setTemperature(double temperature) {
    this.temperature = temperature;
  }

  /** The entropy weight {@code λ_l} a new network starts with. */
  public double getEntropyWeight() {
    return entropyWeight;
  }

  /** Sets the initial entropy weight; used by JSON deserialization. */
  public void setEntropyWeight(double entropyWeight) {
    this.entropyWeight = entropyWeight;
  }

  /**
   * How the runtime computes the layer, as configured: {@link Implementation#AUTO}, {@link
   * Implementation#DIRECT} or {@link Implementation#SAMEDIFF}. A configuration read from JSON
   * without this field is SAMEDIFF, the only implementation that existed before it.
   */
  public Implementation getImplementation() {
    return implementation;
  }

  /** Sets the implementation; used by JSON deserialization. */
  public void setImplementation(Implementation implementation) {
    this.implementation = implementation;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ActMixLayer) || !super.equals(other)) {
      return false;
    }
    ActMixLayer that = (ActMixLayer) other;
    return nIn == that.nIn
        && basisFunctions.equals(that.basisFunctions)
        && Double.compare(reluBias, that.reluBias) == 0
        && Double.compare(omega0, that.omega0) == 0
        && Double.compare(temperature, that.temperature) == 0
        && Double.compare(entropyWeight, that.entropyWeight) == 0
        && implementation == that.implementation;
  }

  @Override
  protected boolean canEqual(Object other) {
    return other instanceof ActMixLayer;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        super.hashCode(),
        nIn,
        basisFunctions,
        reluBias,
        omega0,
        temperature,
        entropyWeight,
        implementation);
  }

  @Override
  public String toString() {
    return "ActMixLayer(nIn="
        + nIn
        + ", basisFunctions="
        + BasisFunction.labels(basisFunctions)
        + ", reluBias="
        + reluBias
        + ", omega0="
        + omega0
        + ", temperature="
        + temperature
        + ", entropyWeight="
        + entropyWeight
        + ", implementation="
        + implementation
        + ")";
  }

  /**
   * Builds an {@link ActMixLayer}; every option has the default of the specification, and {@link
   * #build()} rejects invalid values with a message naming the field, the value and the rule.
   */
  // DL4J declares build() as generic (<E extends Layer> E build()); the override here is not.
  @SuppressWarnings("unchecked")
  public static class Builder extends SameDiffLayer.Builder<Builder> {
    private long size;
    private List<BasisFunction> basisFunctions = DEFAULT_BASIS_FUNCTIONS;
    private double reluBias = DEFAULT_RELU_BIAS;
    private double omega0 = DEFAULT_OMEGA_0;
    private double initialTemperature = DEFAULT_TEMPERATURE;
    private double entropyWeight = DEFAULT_ENTROPY_WEIGHT;
    private Implementation implementation = DEFAULT_IMPLEMENTATION;

    /** Number of neurons; optional, inferred from the input type when not set. */
    public Builder nIn(long nIn) {
      this.size = nIn;
      return this;
    }

    /** Same as {@link #nIn(long)}: an ActMix layer's output size equals its input size. */
    public Builder nOut(long nOut) {
      return nIn(nOut);
    }

    /** The basis functions, in order; non-empty and without repeats. */
    public Builder basisFunctions(BasisFunction... bases) {
      this.basisFunctions = bases == null ? null : List.of(bases);
      return this;
    }

    /**
     * The basis functions by name ({@code "sin"}, {@code "relu"}, …), parsed by {@link
     * BasisFunction#of}.
     */
    public Builder basisFunctions(String... names) {
      List<BasisFunction> parsed = new ArrayList<>();
      for (String name : names) {
        parsed.add(BasisFunction.of(name));
      }
      this.basisFunctions = parsed;
      return this;
    }

    /** The basis functions, in order; non-empty and without repeats. */
    public Builder basisFunctions(List<BasisFunction> bases) {
      this.basisFunctions = bases == null ? null : new ArrayList<>(bases);
      return this;
    }

    /** Initial logit of the ReLU basis; finite. Default {@value #DEFAULT_RELU_BIAS}. */
    public Builder reluBias(double reluBias) {
      this.reluBias = reluBias;
      return this;
    }

    /** Frequency scale of the sine basis; finite and &gt; 0. Default {@value #DEFAULT_OMEGA_0}. */
    public Builder omega0(double omega0) {
      this.omega0 = omega0;
      return this;
    }

    /** Initial softmax temperature; finite and &gt; 0. Default {@value #DEFAULT_TEMPERATURE}. */
    public Builder temperature(double temperature) {
      this.initialTemperature = temperature;
      return this;
    }

    /** Initial entropy weight {@code λ_l} of this layer; finite and &ge; 0. Default 0. */
    public Builder entropyWeight(double entropyWeight) {
      this.entropyWeight = entropyWeight;
      return this;
    }

    /**
     * How the runtime computes the layer; default {@link Implementation#AUTO}: DIRECT on a CPU
     * backend, SAMEDIFF on a GPU.
     */
    public Builder implementation(Implementation implementation) {
      this.implementation = implementation;
      return this;
    }

    @Override
    public ActMixLayer build() {
      String where = Checks.where("ActMixLayer", layerName, -1);
      if (size < 0) {
        throw new IllegalArgumentException(where + ": nIn = " + size + "; must be > 0");
      }
      if (basisFunctions == null || basisFunctions.isEmpty()) {
        throw new IllegalArgumentException(
            where
                + ": basisFunctions = []; must name at least one of "
                + BasisFunction.labels(EnumSet.allOf(BasisFunction.class)));
      }
      Set<BasisFunction> seen = EnumSet.noneOf(BasisFunction.class);
      for (BasisFunction basis : basisFunctions) {
        if (basis == null) {
          throw new IllegalArgumentException(
              where + ": basisFunctions contains null; must hold basis functions only");
        }
        if (!seen.add(basis)) {
          throw new IllegalArgumentException(
              where
                  + ": basisFunctions = ["
                  + BasisFunction.labels(basisFunctions)
                  + "]; must not repeat a basis; remove the second '"
                  + basis.label()
                  + "'");
        }
      }
      Checks.finite(where, "reluBias", reluBias);
      Checks.positive(where, "omega0", omega0);
      Checks.positive(where, "temperature", initialTemperature);
      Checks.nonNegative(where, "entropyWeight", entropyWeight);
      if (implementation == null) {
        throw new IllegalArgumentException(
            where + ": implementation = null; must be AUTO, DIRECT or SAMEDIFF");
      }
      return new ActMixLayer(this);
    }
  }
}
