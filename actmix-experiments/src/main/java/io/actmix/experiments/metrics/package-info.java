/** The metrics of SPEC §5 and their aggregates over folds. */
package io.actmix.experiments.metrics;
