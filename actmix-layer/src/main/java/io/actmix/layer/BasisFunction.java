package io.actmix.layer;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A basis function φ of the ActMix mixture. Each one has a SameDiff form for the layer's graph and
 * a scalar form for inspection (effective activation curves).
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
