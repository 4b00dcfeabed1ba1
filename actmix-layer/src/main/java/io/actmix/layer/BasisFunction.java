package io.actmix.layer;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Cos;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sin;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SwishDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

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

    @Override
    void applyTo(INDArray z, INDArray out, double omega0) {
      Nd4j.exec(new Sin(omega0 == 1.0 ? z : out.assign(z).muli(omega0), out));
    }

    @Override
    void derivativeTo(INDArray z, INDArray out, double omega0) {
      if (omega0 == 1.0) {
        Nd4j.exec(new Cos(z, out));
      } else {
        Nd4j.exec(new Cos(out.assign(z).muli(omega0), out)).muli(omega0);
      }
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
    void applyTo(INDArray z, INDArray out, double omega0) {
      Nd4j.exec(new Tanh(z, out));
    }

    @Override
    void derivativeTo(INDArray z, INDArray out, double omega0) {
      // 1 − tanh²(z)
      Nd4j.exec(new Tanh(z, out));
      out.muli(out).rsubi(1.0);
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
    void applyTo(INDArray z, INDArray out, double omega0) {
      Nd4j.exec(new RectifiedLinear(z, out, 0.0));
    }

    @Override
    void derivativeTo(INDArray z, INDArray out, double omega0) {
      Nd4j.exec(new Step(z, out, 0.0));
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
    void applyTo(INDArray z, INDArray out, double omega0) {
      out.assign(z);
    }

    @Override
    void derivativeTo(INDArray z, INDArray out, double omega0) {
      out.assign(1.0);
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
    void applyTo(INDArray z, INDArray out, double omega0) {
      Nd4j.exec(new Sigmoid(z, out));
    }

    @Override
    void derivativeTo(INDArray z, INDArray out, double omega0) {
      // σ(z) (1 − σ(z))
      Nd4j.exec(new Sigmoid(z, out));
      out.muli(out.rsub(1.0));
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
    void applyTo(INDArray z, INDArray out, double omega0) {
      Nd4j.exec(new Swish(z, out));
    }

    @Override
    void derivativeTo(INDArray z, INDArray out, double omega0) {
      Nd4j.exec(new SwishDerivative(z, out));
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

  /** Writes φ(z) into {@code out}, an array of {@code z}'s shape (a view is fine). */
  abstract void applyTo(INDArray z, INDArray out, double omega0);

  /** Writes φ'(z) into {@code out}, an array of {@code z}'s shape (a view is fine). */
  abstract void derivativeTo(INDArray z, INDArray out, double omega0);

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
