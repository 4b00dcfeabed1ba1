/**
 * Baselines on the experiments' features and fold plans: XGBoost4J and the statistical comparison
 * of all models. Built in the baselines issue; the module is a placeholder until then.
 */
package io.actmix.baselines;
