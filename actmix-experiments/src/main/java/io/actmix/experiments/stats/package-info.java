/**
 * Statistical tests of per-fold results where every model saw the same folds: Wilcoxon's
 * signed-rank test, Holm's correction, Friedman's test with the Nemenyi critical difference, and
 * the corrected resampled t-test of Nadeau and Bengio for repeated cross-validation. One
 * implementation serves {@code compare} and {@code study-report}.
 */
package io.actmix.experiments.stats;
