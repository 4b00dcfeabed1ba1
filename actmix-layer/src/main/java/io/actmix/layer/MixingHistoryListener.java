package io.actmix.layer;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * Records, at the end of every epoch, each ActMix layer's basis shares and mean entropy with the
 * temperature and λ of the epoch: how the mixing evolved during training. It keeps the records in
 * memory; writing them is the caller's business.
 *
 * <p>Add it after the annealing and warm-up listeners. The epoch recorded is the one that just
 * ended: the network's epoch count before DL4J increments it.
 */
public final class MixingHistoryListener extends BaseTrainingListener {

  private final List<MixingSnapshot> history = new ArrayList<>();

  @Override
  public void onEpochEnd(Model model) {
    List<LayerMixing> mixings = ActMixLayers.mixing(model);
    if (mixings.isEmpty()) {
      throw new IllegalStateException(
          "MixingHistoryListener: the network has no ActMixLayer; add one, or leave out the"
              + " ActMix listeners for networks without it");
    }
    synchronized (history) {
      history.add(MixingSnapshot.of(ActMixLayers.epochOf(model), mixings));
    }
  }

  /** Every epoch recorded so far, in order; a copy. */
  public List<MixingSnapshot> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }
}
