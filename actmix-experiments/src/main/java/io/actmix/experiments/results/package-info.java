/** Results files: per-fold and aggregated metrics, written atomically as JSON. */
package io.actmix.experiments.results;
