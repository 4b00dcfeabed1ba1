package io.actmix.experiments.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.BaseLayer;

/** What a training-time stand-in takes over from the DL4J runtime layer it replaces. */
final class StandIns {

  private StandIns() {}

  /**
   * Gives {@code standIn} the listeners, index, parameters and gradient views of {@code original}:
   * the same arrays, so the network's flattened parameters and gradient stay one.
   */
  static void adopt(Layer original, BaseLayer<?> standIn) {
    standIn.setListeners(original.getListeners());
    standIn.setIndex(original.getIndex());
    if (original.params() != null) {
      standIn.setParamsViewArray(original.params());
    }
    standIn.setParamTable(original.paramTable());
    if (original.getGradientsViewArray() != null) { // else the network sets it before training
      standIn.setBackpropGradientsViewArray(original.getGradientsViewArray());
    }
  }
}
