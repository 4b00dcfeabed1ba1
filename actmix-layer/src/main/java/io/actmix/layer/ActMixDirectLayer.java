package io.actmix.layer;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ActMix layer computed by hand, for speed: the SameDiff runtime spends most of an iteration
 * executing its graph, not computing. With {@code z} of shape [b, n], α of shape [n, K] and its
 * k-th column {@code α_k} as a row vector [1, n]:
 *
 * <pre>
 *   y          = Σ_k φ_k(z) ⊙ α_k                           (forward)
 *   ∂L/∂z      = ε ⊙ Σ_k φ_k'(z) ⊙ α_k
 *   g_jk       = Σ_b ε_bj φ_k(z)_bj                         (∂L/∂α)
 *   ∂L/∂a_jk   = α_jk (g_jk − Σ_i α_ji g_ji) / T            (softmax backward)
 * </pre>
 *
 * <p>Every op is two-dimensional, with row-vector broadcasts and column sums: ND4J runs these fast,
 * while a stacked [K, b, n] tensor reduced over K was slower than SameDiff. The basis values are
 * recomputed in the backward pass rather than kept, as DL4J's own layers recompute their
 * pre-activations. State, entropy term and regularization score are {@link ActMixRuntimeLayer}'s.
 */
final class ActMixDirectLayer extends ActMixRuntimeLayer {

  private static final long serialVersionUID = 1L;

  ActMixDirectLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    INDArray alphaColumns = alpha().transpose().dup('c'); // [K, n]: row k is α_k, contiguous
    INDArray output =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape());
    INDArray term = Nd4j.createUninitialized(input.dataType(), input.shape());
    List<BasisFunction> bases = layerConf().getBasisFunctions();
    double omega0 = layerConf().getOmega0();
    for (int k = 0; k < bases.size(); k++) {
      INDArray target = k == 0 ? output : term;
      bases.get(k).applyTo(input, target, omega0);
      target.muliRowVector(alphaColumns.getRow(k));
      if (k > 0) {
        output.addi(term);
      }
    }
    return output;
  }

  @Override
  protected Pair<Gradient, INDArray> backpropMixture(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray alpha = alpha();
    INDArray alphaColumns = alpha.transpose().dup('c'); // contiguous rows broadcast fast
    List<BasisFunction> bases = layerConf().getBasisFunctions();
    double omega0 = layerConf().getOmega0();
    int k = bases.size();
    INDArray delta =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
    INDArray term = Nd4j.createUninitialized(input.dataType(), input.shape());
    INDArray basisGradient = Nd4j.createUninitialized(input.dataType(), k, input.size(1)); // [K, n]
    for (int basis = 0; basis < k; basis++) {
      // g_k = Σ_b ε ⊙ φ_k(z)
      bases.get(basis).applyTo(input, term, omega0);
      term.muli(epsilon).sum(basisGradient.getRow(basis), 0);
      // Σ_k φ_k'(z) ⊙ α_k
      INDArray target = basis == 0 ? delta : term;
      bases.get(basis).derivativeTo(input, target, omega0);
      target.muliRowVector(alphaColumns.getRow(basis));
      if (basis > 0) {
        delta.addi(term);
      }
    }
    delta.muli(epsilon);
    INDArray g = basisGradient.transpose(); // [n, K]
    INDArray centred = g.subColumnVector(alpha.mul(g).sum(true, 1)).muli(alpha);
    gradTable.get(ActMixLayer.LOGITS).assign(centred.divi(temperature()));

    Gradient gradient = new DefaultGradient();
    gradient.gradientForVariable().put(ActMixLayer.LOGITS, gradTable.get(ActMixLayer.LOGITS));
    gradient.gradientForVariable().put(ActMixLayer.STATE, gradTable.get(ActMixLayer.STATE));
    return new Pair<>(gradient, delta);
  }

  /** {@code α = softmax(a / T)}, [n, K]. */
  private INDArray alpha() {
    INDArray scaled = getParam(ActMixLayer.LOGITS).div(temperature());
    return Nd4j.exec(new SoftMax(scaled, scaled, 1))[0];
  }
}
