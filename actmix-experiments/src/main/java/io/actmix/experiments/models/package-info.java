/** The four compared networks (SPEC §2) and the exact GELU activation DL4J lacks. */
package io.actmix.experiments.models;
