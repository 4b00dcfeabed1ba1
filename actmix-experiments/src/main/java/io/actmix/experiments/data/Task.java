package io.actmix.experiments.data;

/** The learning task of a dataset. */
public enum Task {
  /** A real target, standardized for training and reported in its own unit. */
  REGRESSION,
  /** Integer class labels 0 … C−1, one output unit per class. */
  CLASSIFICATION
}
