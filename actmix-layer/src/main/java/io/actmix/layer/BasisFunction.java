package io.actmix.layer;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A basis function φ of the ActMix mixture. Each one has a SameDiff form for the layer's graph, a
 * bulk form over arrays with its derivative for the {@code DIRECT} implementation ({@link
 * MixtureKernel}), and a scalar form for inspection (effective activation curves).
 *
 * <p>The default basis of the layer is {@link #SIN}, {@link #TANH}, {@link #RELU}, {@link
 * #IDENTITY}, in that order.
 */
public enum BasisFunction {
  /** {@code sin(ω0 · z)}: periodic, the only basis that uses {@code omega0}. */
  SIN {
    @Override
    public double apply(double z, double omega0) {
      return Math.sin(omega0 * z);
    }

    @Override
    SDVariable define(SameDiff sd, SDVariable z, double omega0) {
      return sd.math().sin(omega0 == 1.0 ? z : z.mul(omega0));
    }

    @Override
    void evaluate(
        double[] z, int from, int to, double omega0, double[] value, double[] derivative) {
      for (int i = from; i < to; i++) {
        value[i] = Math.sin(omega0 * z[i]);
      }
      if (derivative != null) {
        for (int i = from; i < to; i++) {
          derivative[i] = omega0 * Math.cos(omega0 * z[i]);
        }
      }
    }

    @Override
    void evaluate(float[] z, int from, int to, float omega0, float[] value, float[] derivative) {
      SinglePrecisionMath.sinCos(z, from, to, omega0, value, derivative);
    }
  },
  /** {@code tanh(z)}: bounded and odd. */
  TANH {
    @Override
    public double apply(double z, double omega0) {
      return Math.tanh(z);
    }

    @Override
    SDVariable define(SameDiff sd, SDVariable z, double omega0) {
      return sd.math().tanh(z);
    }

    @Override
    void evaluate(
        double[] z, int from, int to, double omega0, double[] value, double[] derivative) {
      for (int i = from; i < to; i++) {
        value[i] = fastTanh(z[i]);
      }
      if (derivative != null) { // 1 − tanh²(z)
        for (int i = from; i < to; i++) {
          derivative[i] = 1.0 - value[i] * value[i];
        }
      }
    }

    @Override
    void evaluate(float[] z, int from, int to, float omega0, float[] value, float[] derivative) {
      SinglePrecisionMath.tanh(z, from, to, value);
      if (derivative != null) {
        for (int i = from; i < to; i++) {
          derivative[i] = 1f - value[i] * value[i];
        }
      }
    }
  },
  /** {@code max(z, 0)}: piecewise linear. */
  RELU {
    @Override
    public double apply(double z, double omega0) {
      return Math.max(z, 0.0);
    }

    @Override
    SDVariable define(SameDiff sd, SDVariable z, double omega0) {
      return sd.nn().relu(z, 0.0);
    }

    @Override
    void evaluate(
        double[] z, int from, int to, double omega0, double[] value, double[] derivative) {
      // Math.max, min and ceil, not a conditional: these loops compile to vector code.
      for (int i = from; i < to; i++) {
        value[i] = Math.max(z[i], 0.0);
      }
      if (derivative != null) { // 1 for z > 0, else 0 (also at z = 0, as ND4J's relu gradient)
        for (int i = from; i < to; i++) {
          derivative[i] = Math.ceil(Math.min(value[i], 1.0));
        }
      }
    }

    @Override
    void evaluate(float[] z, int from, int to, float omega0, float[] value, float[] derivative) {
      for (int i = from; i < to; i++) {
        value[i] = Math.max(z[i], 0f);
      }
      if (derivative != null) { // 1 for z > 0, else 0: 2^200 lifts the least float above 1
        for (int i = from; i < to; i++) {
          derivative[i] = Math.min(value[i] * 0x1p100f * 0x1p100f, 1f);
        }
      }
    }
  },
  /** {@code z}: linear. */
  IDENTITY {
    @Override
    public double apply(double z, double omega0) {
      return z;
    }

    @Override
    SDVariable define(SameDiff sd, SDVariable z, double omega0) {
      return z;
    }

    @Override
    void evaluate(
        double[] z, int from, int to, double omega0, double[] value, double[] derivative) {
      System.arraycopy(z, from, value, from, to - from);
      if (derivative != null) {
        Arrays.fill(derivative, from, to, 1.0);
      }
    }

    @Override
    void evaluate(float[] z, int from, int to, float omega0, float[] value, float[] derivative) {
      System.arraycopy(z, from, value, from, to - from);
      if (derivative != null) {
        Arrays.fill(derivative, from, to, 1f);
      }
    }
  },
  /** {@code 1 / (1 + e^{-z})}: bounded and monotone. */
  SIGMOID {
    @Override
    public double apply(double z, double omega0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }

    @Override
    SDVariable define(SameDiff sd, SDVariable z, double omega0) {
      return sd.nn().sigmoid(z);
    }

    @Override
    void evaluate(
        double[] z, int from, int to, double omega0, double[] value, double[] derivative) {
      for (int i = from; i < to; i++) {
        value[i] = 1.0 / (1.0 + Math.exp(-z[i]));
      }
      if (derivative != null) { // σ(z) (1 − σ(z))
        for (int i = from; i < to; i++) {
          derivative[i] = value[i] * (1.0 - value[i]);
        }
      }
    }

    @Override
    void evaluate(float[] z, int from, int to, float omega0, float[] value, float[] derivative) {
      for (int i = from; i < to; i++) {
        value[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
      }
      if (derivative != null) {
        for (int i = from; i < to; i++) {
          derivative[i] = value[i] * (1f - value[i]);
        }
      }
    }
  },
  /** {@code z · sigmoid(z)} (also called swish): smooth and non-monotone near 0. */
  SILU {
    @Override
    public double apply(double z, double omega0) {
      return z / (1.0 + Math.exp(-z));
    }

    @Override
    SDVariable define(SameDiff sd, SDVariable z, double omega0) {
      return sd.nn().swish(z);
    }

    @Override
    void evaluate(
        double[] z, int from, int to, double omega0, double[] value, double[] derivative) {
      for (int i = from; i < to; i++) {
        double sigmoid = 1.0 / (1.0 + Math.exp(-z[i]));
        value[i] = z[i] * sigmoid;
        if (derivative != null) { // σ(z) (1 + z (1 − σ(z)))
          derivative[i] = sigmoid * (1.0 + z[i] * (1.0 - sigmoid));
        }
      }
    }

    @Override
    void evaluate(float[] z, int from, int to, float omega0, float[] value, float[] derivative) {
      for (int i = from; i < to; i++) {
        double sigmoid = 1.0 / (1.0 + Math.exp(-z[i]));
        value[i] = (float) (z[i] * sigmoid);
        if (derivative != null) {
          derivative[i] = (float) (sigmoid * (1.0 + z[i] * (1.0 - sigmoid)));
        }
      }
    }
  };

  /**
   * The value of this basis function at {@code z}.
   *
   * @param z a pre-activation
   * @param omega0 the sine's frequency scale; ignored by every other basis
   * @return φ(z)
   */
  public abstract double apply(double z, double omega0);

  /** The SameDiff form of this basis function applied elementwise to {@code z}. */
  abstract SDVariable define(SameDiff sd, SDVariable z, double omega0);

  /**
   * Writes φ(z) into {@code value} and, unless it is null, φ'(z) into {@code derivative}, at the
   * indices {@code from} (inclusive) to {@code to} (exclusive) of all three arrays, within a few
   * ulp of double: the bulk form that {@link MixtureKernel} runs for double-precision networks.
   */
  abstract void evaluate(
      double[] z, int from, int to, double omega0, double[] value, double[] derivative);

  /**
   * The same in float arithmetic, to float32 resolution ({@link SinglePrecisionMath}): the bulk
   * form that {@link MixtureKernel} runs for float32 and narrower networks.
   */
  abstract void evaluate(
      float[] z, int from, int to, float omega0, float[] value, float[] derivative);

  /** Above this magnitude {@link #fastTanh} uses exp; below it, {@link Math#tanh}. */
  private static final double TANH_EXP_THRESHOLD = 0x1p-10;

  /**
   * {@code tanh(x)} to a relative error below 1e-13, about three times faster than {@link
   * Math#tanh} on Java 17 (which has no intrinsic for it): for |x| &ge; 2^-10, {@code sign(x) (1 −
   * e) / (1 + e)} with {@code e = exp(−2|x|)}, where the cancellation in {@code 1 − e} &ge; 2^-9
   * costs at most 9 of 53 bits; below, {@link Math#tanh}. Infinities give ±1 and NaN stays NaN.
   */
  static double fastTanh(double x) {
    double magnitude = Math.abs(x);
    if (!(magnitude >= TANH_EXP_THRESHOLD)) {
      return Math.tanh(x);
    }
    double e = Math.exp(-2.0 * magnitude);
    return Math.copySign((1.0 - e) / (1.0 + e), x);
  }

  /** The lower-case name used in configuration files and messages, for example {@code "relu"}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a basis name, ignoring case.
   *
   * @param name a name such as {@code "sin"} or {@code "RELU"}
   * @return the basis function
   * @throws IllegalArgumentException naming the valid choices when {@code name} is none of them
   */
  public static BasisFunction of(String name) {
    for (BasisFunction basis : values()) {
      if (basis.label().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return basis;
      }
    }
    throw new IllegalArgumentException(
        "Unknown basis '" + name + "'; valid: " + labels(Arrays.asList(values())));
  }

  /** Comma-separated labels, for messages: {@code "sin, tanh, relu, identity"}. */
  static String labels(Iterable<BasisFunction> bases) {
    StringBuilder out = new StringBuilder();
    for (BasisFunction basis : bases) {
      out.append(out.length() == 0 ? "" : ", ").append(basis.label());
    }
    return out.toString();
  }
}
