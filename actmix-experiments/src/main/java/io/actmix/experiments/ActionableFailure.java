package io.actmix.experiments;

/**
 * A failure the user can act on — data that cannot be had, a path that cannot be written, cells of
 * a study that failed — reported by the command line as one line, {@code error: <message>}, with a
 * non-zero exit status and no stack trace. The message says where, what, and what to do.
 */
public class ActionableFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ActionableFailure(String message) {
    super(message);
  }

  public ActionableFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
