package io.actmix.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Learned periodic embeddings of numeric inputs (Gorishniy, Rubachev, Babenko, "On Embeddings for
 * Numerical Features in Tabular Deep Learning", NeurIPS 2022): each numeric input column {@code f}
 * becomes {@code d} values,
 *
 * <pre>
 *   v_f(x) = [sin(2π c_f1 x) … sin(2π c_fK x), cos(2π c_f1 x) … cos(2π c_fK x)]
 *   e_f(x) = act(B_f + v_f(x) · W_f)                       W_f: [2K, d],  B_f: [d]
 * </pre>
 *
 * with K trainable frequencies {@code c_f} per feature, a linear map of its own per feature, and an
 * activation: {@link Activation#RELU}, which is the paper's "PLR" embedding, or {@link
 * Activation#ACTMIX}, a mixture {@code Σ_k α_uk φ_k} of its own per embedding unit {@code u} with
 * the schedules, listeners and entropy term of an {@link ActMixLayer}. Input columns that are not
 * numeric (one-hot categories) pass through unchanged. Output: the embeddings of the numeric
 * columns in column order, {@code e_1 … e_F}, then the other columns in input order, {@code F·d +
 * (nIn − F)} values.
 *
 * <pre>{@code
 * .layer(new PeriodicEmbeddingLayer.Builder().numericColumns(0, 2, 3).sigma(0.1).build())
 * .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
 * }</pre>
 *
 * <p>Parameters and their initialisation, as the paper's package {@code rtdl_num_embeddings}:
 *
 * <ul>
 *   <li>{@value #FREQUENCIES} [F, K]: {@code N(0, σ²)} truncated to ±3σ. σ is the embedding's
 *       important setting: it sets the frequencies' scale, so that a feature standardised to unit
 *       variance is seen at periods of about {@code 1/σ}; the paper tunes it per dataset, from 0.01
 *       to 100. No regularization applies to the frequencies (the paper's code exempts them from
 *       weight decay).
 *   <li>{@value #WEIGHTS} [F·2K, d] (feature {@code f}'s [2K, d] block from row {@code f·2K}) and
 *       {@value #BIASES} [F, d]: uniform in ±1/√(2K), PyTorch's default for a linear map of 2K
 *       inputs.
 *   <li>with an ActMix activation, the logits {@value ActMixLayer#LOGITS} [F·d, bases] and the
 *       state {@value ActMixLayer#STATE} [1, 2], initialised and treated as {@link ActMixLayer}'s.
 * </ul>
 *
 * <p>Both passes run on JVM arrays ({@link PeriodicKernel}, and {@link MixtureKernel} for the
 * ActMix activation), one copy in and out, on any backend; there is no SameDiff graph.
 */
public class PeriodicEmbeddingLayer extends SameDiffLayer {

  private static final long serialVersionUID = 1L;

  /** Name of the frequencies parameter, shape [numeric features, K]. */
  public static final String FREQUENCIES = "frequencies";

  /** Name of the per-feature linear weights, shape [numeric features · 2K, d]. */
  public static final String WEIGHTS = "weights";

  /** Name of the per-feature linear biases, shape [numeric features, d]. */
  public static final String BIASES = "biases";

  /** Default number of frequencies K per feature (rtdl_num_embeddings' default). */
  public static final int DEFAULT_FREQUENCIES = 48;

  /** Default embedding size d per feature (rtdl_num_embeddings' default). */
  public static final int DEFAULT_EMBEDDING_SIZE = 24;

  /** Default frequency scale σ (rtdl_num_embeddings' default). */
  public static final double DEFAULT_SIGMA = 0.01;

  /** Frequencies are drawn from N(0, σ²) truncated to ± this many σ. */
  static final double TRUNCATION = 3.0;

  /** The activation after the per-feature linear map. */
  public enum Activation {
    /** {@code max(0, z)}: the paper's PLR embedding. The default. */
    RELU,
    /** An ActMix mixture per embedding unit, as {@link ActMixLayer} computes per neuron. */
    ACTMIX;

    /** {@code "relu"} or {@code "actmix"}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @JsonProperty("nIn")
  private long nIn;

  @JsonProperty("numericColumns")
  private int[] numericColumns;

  @JsonProperty("frequencies")
  private int frequencies;

  @JsonProperty("embeddingSize")
  private int embeddingSize;

  @JsonProperty("sigma")
  private double sigma;

  @JsonProperty("activation")
  private Activation activation;

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

  /** For JSON deserialization only: DL4J restores layer configurations through Jackson. */
  protected PeriodicEmbeddingLayer() {}

  private PeriodicEmbeddingLayer(Builder builder) {
    super(builder);
    this.nIn = builder.nIn;
    this.numericColumns = builder.numericColumns == null ? null : builder.numericColumns.clone();
    this.frequencies = builder.frequencies;
    this.embeddingSize = builder.embeddingSize;
    this.sigma = builder.sigma;
    ActMixLayer mixture = builder.actMix;
    this.activation = mixture == null ? Activation.RELU : Activation.ACTMIX;
    if (mixture != null) {
      this.basisFunctions = mixture.getBasisFunctions();
      this.reluBias = mixture.getReluBias();
      this.omega0 = mixture.getOmega0();
      this.temperature = mixture.getTemperature();
      this.entropyWeight = mixture.getEntropyWeight();
    }
    if (nIn > 0) {
      checkColumns(where(-1), nIn);
    }
  }

  @Override
  public void defineParameters(SDLayerParams params) {
    params.clear();
    int features = numericFeatures();
    params.addWeightParam(FREQUENCIES, features, frequencies);
    params.addWeightParam(WEIGHTS, (long) features * 2 * frequencies, embeddingSize);
    params.addBiasParam(BIASES, features, embeddingSize);
    if (activation == Activation.ACTMIX) {
      params.addWeightParam(ActMixLayer.LOGITS, embeddingUnits(), basisFunctions.size());
      params.addBiasParam(ActMixLayer.STATE, 1, 2);
    }
  }

  /**
   * Draws the parameters from a generator seeded by ND4J's, which a network seeds from its
   * configuration's seed before it initialises: the same seed gives the same parameters. (ND4J's
   * own {@code nextGaussian} keeps the second value of each Box–Muller pair across a re-seeding, so
   * it is not used directly.)
   */
  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    java.util.Random random = new java.util.Random(Nd4j.getRandom().nextLong());
    INDArray frequencyParam = params.get(FREQUENCIES);
    double[] drawn = new double[Math.toIntExact(frequencyParam.length())];
    for (int i = 0; i < drawn.length; i++) {
      double value;
      do {
        value = random.nextGaussian();
      } while (Math.abs(value) > TRUNCATION);
      drawn[i] = sigma * value;
    }
    frequencyParam.assign(Nd4j.create(drawn, frequencyParam.shape(), 'c'));
    double bound = 1.0 / Math.sqrt(2.0 * frequencies);
    for (String name : List.of(WEIGHTS, BIASES)) {
      INDArray param = params.get(name);
      double[] uniform = new double[Math.toIntExact(param.length())];
      for (int i = 0; i < uniform.length; i++) {
        uniform[i] = bound * (2.0 * random.nextDouble() - 1.0);
      }
      param.assign(Nd4j.create(uniform, param.shape(), 'c'));
    }
    if (activation == Activation.ACTMIX) {
      INDArray logits = params.get(ActMixLayer.LOGITS).assign(0.0);
      int reluColumn = basisFunctions.indexOf(BasisFunction.RELU);
      if (reluColumn >= 0) {
        for (long unit = 0; unit < logits.size(0); unit++) {
          logits.putScalar(unit, reluColumn, reluBias);
        }
      }
      INDArray state = params.get(ActMixLayer.STATE);
      state.putScalar(0, ActMixLayer.TEMPERATURE_INDEX, temperature);
      state.putScalar(0, ActMixLayer.ENTROPY_WEIGHT_INDEX, entropyWeight);
    }
  }

  /**
   * Not used: the runtime layer computes both passes on JVM arrays and never builds a graph.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public SDVariable defineLayer(
      SameDiff sd, SDVariable layerInput, Map<String, SDVariable> paramTable, SDVariable mask) {
    throw new UnsupportedOperationException(
        "PeriodicEmbeddingLayer computes its passes on JVM arrays; it has no SameDiff graph");
  }

  @Override
  public Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams,
      DataType networkDataType) {
    PeriodicEmbeddingRuntime layer =
        activation == Activation.ACTMIX
            ? new PeriodicEmbeddingRuntime.Mixing(conf, networkDataType)
            : new PeriodicEmbeddingRuntime(conf, networkDataType);
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
    checkColumns(where(-1), nIn);
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
    checkColumns(where(layerIndex), inferred);
    return InputType.feedForward(outputSize(inferred));
  }

  /** The output size for {@code inputs} input columns: {@code F·d + (inputs − F)}. */
  public long outputSize(long inputs) {
    int features = numericColumns == null ? Math.toIntExact(inputs) : numericColumns.length;
    return (long) features * embeddingSize + (inputs - features);
  }

  private long feedForwardSize(InputType inputType) {
    if (!(inputType instanceof InputType.InputTypeFeedForward)) {
      throw new IllegalArgumentException(
          where(-1)
              + ": input type = "
              + inputType
              + "; must be feed-forward (a row of features per example)");
    }
    return ((InputType.InputTypeFeedForward) inputType).getSize();
  }

  /** Rejects numeric columns outside {@code [0, inputs)}. */
  private void checkColumns(String where, long inputs) {
    if (numericColumns == null) {
      return;
    }
    for (int column : numericColumns) {
      if (column >= inputs) {
        throw new IllegalArgumentException(
            where
                + ": numericColumns = "
                + Arrays.toString(numericColumns)
                + " names column "
                + column
                + "; the input has "
                + inputs
                + " columns, 0 to "
                + (inputs - 1));
      }
    }
  }

  private String where(int layerIndex) {
    return Checks.where("PeriodicEmbeddingLayer", getLayerName(), layerIndex);
  }

  /** No regularization of the frequencies and of the ActMix state. */
  @Override
  public List<Regularization> getRegularizationByParam(String paramName) {
    return FREQUENCIES.equals(paramName) || ActMixLayer.STATE.equals(paramName)
        ? List.of()
        : super.getRegularizationByParam(paramName);
  }

  /** The input columns embedded, in output order: {@code 0 … nIn−1} unless configured. */
  public int[] numericColumnIndices() {
    if (numericColumns != null) {
      return numericColumns.clone();
    }
    int[] all = new int[Math.toIntExact(nIn)];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /** The input columns passed through, in input order. */
  int[] passThroughColumns() {
    boolean[] numeric = new boolean[Math.toIntExact(nIn)];
    for (int column : numericColumnIndices()) {
      numeric[column] = true;
    }
    int[] others = new int[numeric.length - numericFeatures()];
    for (int column = 0, p = 0; column < numeric.length; column++) {
      if (!numeric[column]) {
        others[p++] = column;
      }
    }
    return others;
  }

  /** The number of numeric features F. */
  public int numericFeatures() {
    return numericColumns == null ? Math.toIntExact(nIn) : numericColumns.length;
  }

  /** The number of embedding units {@code F·d}: the output columns before the passed ones. */
  public int embeddingUnits() {
    return numericFeatures() * embeddingSize;
  }

  /** Number of input columns; 0 until inferred from the input type. */
  public long getNIn() {
    return nIn;
  }

  /** Sets the number of input columns; used by JSON deserialization. */
  public void setNIn(long nIn) {
    this.nIn = nIn;
  }

  /** The numeric columns as configured, or null for every column; a copy. */
  public int[] getNumericColumns() {
    return numericColumns == null ? null : numericColumns.clone();
  }

  /** Sets the numeric columns; used by JSON deserialization. */
  public void setNumericColumns(int[] numericColumns) {
    this.numericColumns = numericColumns == null ? null : numericColumns.clone();
  }

  /** The number of frequencies K per feature. */
  public int getFrequencies() {
    return frequencies;
  }

  /** Sets K; used by JSON deserialization. */
  public void setFrequencies(int frequencies) {
    this.frequencies = frequencies;
  }

  /** The embedding size d per feature. */
  public int getEmbeddingSize() {
    return embeddingSize;
  }

  /** Sets d; used by JSON deserialization. */
  public void setEmbeddingSize(int embeddingSize) {
    this.embeddingSize = embeddingSize;
  }

  /** The frequencies' initial scale σ. */
  public double getSigma() {
    return sigma;
  }

  /** Sets σ; used by JSON deserialization. */
  public void setSigma(double sigma) {
    this.sigma = sigma;
  }

  /** The activation after the per-feature linear map. */
  public Activation getActivation() {
    return activation;
  }

  /** Sets the activation; used by JSON deserialization. */
  public void setActivation(Activation activation) {
    this.activation = activation;
  }

  /** The ActMix activation's basis functions; null for a ReLU activation. */
  public List<BasisFunction> getBasisFunctions() {
    return basisFunctions;
  }

  /** Sets the basis functions; used by JSON deserialization. */
  public void setBasisFunctions(List<BasisFunction> basisFunctions) {
    this.basisFunctions = basisFunctions == null ? null : List.copyOf(basisFunctions);
  }

  /** The ActMix activation's initial ReLU logit. */
  public double getReluBias() {
    return reluBias;
  }

  /** Sets the ReLU bias; used by JSON deserialization. */
  public void setReluBias(double reluBias) {
    this.reluBias = reluBias;
  }

  /** The ActMix activation's sine frequency scale ω0. */
  public double getOmega0() {
    return omega0;
  }

  /** Sets ω0; used by JSON deserialization. */
  public void setOmega0(double omega0) {
    this.omega0 = omega0;
  }

  /** The ActMix activation's initial temperature. */
  public double getTemperature() {
    return temperature;
  }

  /** Sets the initial temperature; used by JSON deserialization. */
  public void setTemperature(double temperature) {
    this.temperature = temperature;
  }

  /** The ActMix activation's initial entropy weight. */
  public double getEntropyWeight() {
    return entropyWeight;
  }

  /** Sets the initial entropy weight; used by JSON deserialization. */
  public void setEntropyWeight(double entropyWeight) {
    this.entropyWeight = entropyWeight;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof PeriodicEmbeddingLayer) || !super.equals(other)) {
      return false;
    }
    PeriodicEmbeddingLayer that = (PeriodicEmbeddingLayer) other;
    return nIn == that.nIn
        && Arrays.equals(numericColumns, that.numericColumns)
        && frequencies == that.frequencies
        && embeddingSize == that.embeddingSize
        && Double.compare(sigma, that.sigma) == 0
        && activation == that.activation
        && Objects.equals(basisFunctions, that.basisFunctions)
        && Double.compare(reluBias, that.reluBias) == 0
        && Double.compare(omega0, that.omega0) == 0
        && Double.compare(temperature, that.temperature) == 0
        && Double.compare(entropyWeight, that.entropyWeight) == 0;
  }

  @Override
  protected boolean canEqual(Object other) {
    return other instanceof PeriodicEmbeddingLayer;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        super.hashCode(),
        nIn,
        Arrays.hashCode(numericColumns),
        frequencies,
        embeddingSize,
        sigma,
        activation,
        basisFunctions,
        reluBias,
        omega0,
        temperature,
        entropyWeight);
  }

  @Override
  public String toString() {
    return "PeriodicEmbeddingLayer(nIn="
        + nIn
        + ", numericColumns="
        + (numericColumns == null ? "all" : Arrays.toString(numericColumns))
        + ", frequencies="
        + frequencies
        + ", embeddingSize="
        + embeddingSize
        + ", sigma="
        + sigma
        + ", activation="
        + activation.label()
        + (activation == Activation.ACTMIX
            ? ", basisFunctions="
                + BasisFunction.labels(basisFunctions)
                + ", reluBias="
                + reluBias
                + ", omega0="
                + omega0
            : "")
        + ")";
  }

  /**
   * Builds a {@link PeriodicEmbeddingLayer}; every option has a default, and {@link #build()}
   * rejects invalid values with a message naming the field, the value and the rule.
   */
  // DL4J declares build() as generic (<E extends Layer> E build()); the override here is not.
  @SuppressWarnings("unchecked")
  public static class Builder extends SameDiffLayer.Builder<Builder> {
    private long nIn;
    private int[] numericColumns;
    private int frequencies = DEFAULT_FREQUENCIES;
    private int embeddingSize = DEFAULT_EMBEDDING_SIZE;
    private double sigma = DEFAULT_SIGMA;
    private ActMixLayer actMix;

    /** Number of input columns; optional, inferred from the input type when not set. */
    public Builder nIn(long nIn) {
      this.nIn = nIn;
      return this;
    }

    /**
     * The input columns to embed, in the order their embeddings are output; distinct, &ge; 0. The
     * other columns pass through unchanged. Default: every column.
     */
    public Builder numericColumns(int... columns) {
      this.numericColumns = columns == null ? null : columns.clone();
      return this;
    }

    /** The input columns to embed; see {@link #numericColumns(int...)}. */
    public Builder numericColumns(List<Integer> columns) {
      this.numericColumns =
          columns == null ? null : columns.stream().mapToInt(Integer::intValue).toArray();
      return this;
    }

    /** K, the trainable frequencies per feature; &ge; 1. Default {@value #DEFAULT_FREQUENCIES}. */
    public Builder frequencies(int frequencies) {
      this.frequencies = frequencies;
      return this;
    }

    /** d, the embedding size per feature; &ge; 1. Default {@value #DEFAULT_EMBEDDING_SIZE}. */
    public Builder embeddingSize(int embeddingSize) {
      this.embeddingSize = embeddingSize;
      return this;
    }

    /** σ, the frequencies' initial scale; finite and &gt; 0. Default {@value #DEFAULT_SIGMA}. */
    public Builder sigma(double sigma) {
      this.sigma = sigma;
      return this;
    }

    /** A ReLU activation after the linear map (the default): the PLR embedding. */
    public Builder reluActivation() {
      this.actMix = null;
      return this;
    }

    /**
     * An ActMix activation after the linear map, with the options of {@code mixture} (basis
     * functions, ReLU bias, ω0, initial temperature and entropy weight), which its own builder has
     * validated; its size is ignored.
     */
    public Builder actMixActivation(ActMixLayer mixture) {
      this.actMix = Objects.requireNonNull(mixture, "PeriodicEmbeddingLayer: actMixActivation");
      return this;
    }

    @Override
    public PeriodicEmbeddingLayer build() {
      String where = Checks.where("PeriodicEmbeddingLayer", layerName, -1);
      if (nIn < 0) {
        throw new IllegalArgumentException(where + ": nIn = " + nIn + "; must be > 0");
      }
      if (numericColumns != null) {
        if (numericColumns.length == 0) {
          throw new IllegalArgumentException(
              where
                  + ": numericColumns = []; must name at least one column (leave it unset to"
                  + " embed every column)");
        }
        List<Integer> seen = new ArrayList<>();
        for (int column : numericColumns) {
          if (column < 0) {
            throw new IllegalArgumentException(
                where
                    + ": numericColumns = "
                    + Arrays.toString(numericColumns)
                    + " holds "
                    + column
                    + "; columns must be >= 0");
          }
          if (seen.contains(column)) {
            throw new IllegalArgumentException(
                where
                    + ": numericColumns = "
                    + Arrays.toString(numericColumns)
                    + "; must not repeat a column; remove the second "
                    + column);
          }
          seen.add(column);
        }
      }
      if (frequencies < 1) {
        throw new IllegalArgumentException(
            where + ": frequencies = " + frequencies + "; must be >= 1");
      }
      if (embeddingSize < 1) {
        throw new IllegalArgumentException(
            where + ": embeddingSize = " + embeddingSize + "; must be >= 1");
      }
      Checks.positive(where, "sigma", sigma);
      return new PeriodicEmbeddingLayer(this);
    }
  }
}
