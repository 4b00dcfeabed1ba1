/**
 * The Apache Spark engine of studies: one Spark job of one task per cell, the datasets' files
 * broadcast from the driver, each result stored by the driver as its job ends.
 */
package io.actmix.experiments.study.spark;
