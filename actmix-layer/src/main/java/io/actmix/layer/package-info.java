/**
 * ActMix for Deeplearning4j: a layer whose every neuron learns its own softmax-weighted mixture of
 * activation functions.
 *
 * <p>For a pre-activation {@code z_j} of neuron {@code j}:
 *
 * <pre>
 *   ActMix(z_j) = Σ_k α_jk · φ_k(z_j),        α_j = softmax(a_j / T)
 * </pre>
 *
 * <p>{@link io.actmix.layer.ActMixLayer} is the configuration a user puts in a {@code
 * MultiLayerConfiguration}, after a {@code DenseLayer} with identity activation. {@link
 * io.actmix.layer.TemperatureAnnealingListener} and {@link io.actmix.layer.EntropyWarmupListener}
 * drive the temperature {@code T} and the entropy weight {@code λ} from the schedules {@link
 * io.actmix.layer.TemperatureSchedule} and {@link io.actmix.layer.EntropyWarmupSchedule}. {@link
 * io.actmix.layer.ActMixLayers} finds the layers of a network and {@link
 * io.actmix.layer.LayerMixing} is what one of them has learned.
 */
package io.actmix.layer;
