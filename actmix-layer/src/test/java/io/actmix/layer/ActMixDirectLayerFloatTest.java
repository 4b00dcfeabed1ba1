package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float32 DIRECT layer reads row-major arrays in their native memory a block at a time and copies
 * any other layout first: the same output, gradient and epsilon either way, bit for bit.
 */
class ActMixDirectLayerFloatTest {

  @BeforeAll
  static void singlePrecision() {
    TestNetworks.useSinglePrecision();
  }

  @AfterAll
  static void restore() {
    TestNetworks.useDoublePrecision();
  }

  private final LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();

  @Test
  void passes_columnMajorInputAndEpsilon_equalRowMajor() {
    INDArray input = TestNetworks.gaussian(6, 300, 7, 1.5).castTo(DataType.FLOAT);
    INDArray epsilon = TestNetworks.gaussian(7, 300, 7, 1.0).castTo(DataType.FLOAT);

    float[][] rowMajor = pass(input.dup('c'), epsilon.dup('c'));
    float[][] columnMajor = pass(input.dup('f'), epsilon.dup('f'));

    for (int i = 0; i < rowMajor.length; i++) {
      assertArrayEquals(rowMajor[i], columnMajor[i], 0f, "output, logits' gradient, epsilon: " + i);
    }
  }

  /** A training forward and backward pass on a new float32 layer of 7 units. */
  private float[][] pass(INDArray input, INDArray epsilon) {
    MultiLayerNetwork network =
        TestNetworks.regression(
            3,
            7,
            1,
            () -> new ActMixLayer.Builder().build(),
            new org.nd4j.linalg.learning.config.NoOp(),
            DataType.FLOAT);
    network.initGradientsView();
    ActMixRuntimeLayer layer = TestNetworks.actMixLayers(network).get(0);
    layer.getParam(ActMixLayer.LOGITS).assign(TestNetworks.gaussian(5, 7, 4, 1.0));
    layer.setInput(input, workspaces);
    float[] output = layer.activate(true, workspaces).dup().reshape(-1).toFloatVector();
    Pair<Gradient, INDArray> result = layer.backpropGradient(epsilon, workspaces);
    return new float[][] {
      output,
      result.getFirst().getGradientFor(ActMixLayer.LOGITS).dup().reshape(-1).toFloatVector(),
      result.getSecond().dup().reshape(-1).toFloatVector()
    };
  }
}
