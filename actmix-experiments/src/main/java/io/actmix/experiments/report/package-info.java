/**
 * The report of a study: each model's result chosen without the test folds (nested selection on the
 * inner validation split), beside the optimistic choice on the test folds; tables, paired
 * statistics and pictures, as {@code report.md} and a self-contained {@code report.html}.
 */
package io.actmix.experiments.report;
