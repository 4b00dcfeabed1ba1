/**
 * The three UCI datasets: where their {@code data.csv} comes from (a data directory, a cache, or a
 * verified download), how it is parsed and cleaned (DataVec {@code Schema}s and {@code
 * TransformProcess}es), and the preprocessing fitted on the training rows of a split.
 */
package io.actmix.experiments.data;
