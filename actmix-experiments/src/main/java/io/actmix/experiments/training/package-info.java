/**
 * Training one network: the schedules and listeners of SPEC §3 (cosine learning rate, global
 * gradient-norm clipping), seeded minibatches, early stopping that restores the best epoch.
 */
package io.actmix.experiments.training;
