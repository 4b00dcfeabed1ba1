package io.actmix.experiments.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What running a cell gave: its outcome, or the failure that stopped it. A cell that throws does
 * not stop the study; the result carries the message and the stack trace home, as text, from
 * whichever JVM ran it.
 *
 * @param spec the cell
 * @param outcome its outcome, or {@code null} when it failed
 * @param error {@code <exception class>: <message>} when it failed, else {@code null}
 * @param stackTrace the failure's stack trace, else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellResult(
    @JsonProperty("spec") CellSpec spec,
    @JsonProperty("outcome") CellOutcome outcome,
    @JsonProperty("error") String error,
    @JsonProperty("stack_trace") String stackTrace) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A cell that finished. */
  public static CellResult of(CellSpec spec, CellOutcome outcome) {
    return new CellResult(spec, outcome, null, null);
  }

  /** A cell that threw {@code failure}. */
  public static CellResult failed(CellSpec spec, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    return new CellResult(spec, null, failure.getClass().getName() + message, trace.toString());
  }

  /** Whether the cell finished. */
  public boolean succeeded() {
    return outcome != null;
  }

  /** This result as JSON, to send between JVMs. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cell " + spec.key() + ": result cannot be written", e);
    }
  }

  /** A result of {@link #toJson}. */
  public static CellResult fromJson(String json) {
    try {
      return JSON.readValue(json, CellResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a cell's result cannot be read: " + e.getMessage(), e);
    }
  }
}
