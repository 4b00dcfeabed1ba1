/**
 * Baselines on the experiments' features and fold plans: XGBoost4J ({@code xgboost} command), and
 * the paired statistical comparison of every model of a dataset ({@code compare} command).
 */
package io.actmix.baselines;
