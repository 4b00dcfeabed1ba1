/**
 * Studies: a declarative grid of experiments (datasets × models × grid points × seeds × folds), run
 * cell by cell on local threads or Apache Spark, each finished cell stored at once in its own file,
 * so that an interrupted study resumes where it stopped. The command line is a thin layer over
 * {@link io.actmix.experiments.study.StudyRunner}.
 */
package io.actmix.experiments.study;
