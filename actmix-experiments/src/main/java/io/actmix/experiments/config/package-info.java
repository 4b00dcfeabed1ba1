/**
 * Experiment configuration: the YAML files of {@code config/}, command-line overrides in the
 * reference's {@code key=value} form, and the validated records they resolve to.
 */
package io.actmix.experiments.config;
