/**
 * What a trained ActMix network chose: statistics per layer, plots, and one page that shows them
 * together (the {@code analyze} command).
 */
package io.actmix.experiments.analysis;
