/**
 * The command line: {@code train}, {@code train-cv}, {@code train-cv-all} and {@code bench}, run
 * with {@code mvn exec:java -Dexec.args="<command> key=value …"} from the project root.
 */
package io.actmix.experiments.cli;
