package io.dailycup.analytics.operator.audit;

/**
 * Audit rows could not be written: no connection, or the database refused the batch. The rows were
 * not written (a batch is one transaction), so the caller keeps them and tries again later. The
 * message names the server as host:port/database and the cause, never credentials, so it may go
 * into logs, Events and status.
 */
public final class AuditUnavailableException extends Exception {

  private final boolean refused;

  /** The database could not be reached; trying again later may succeed by itself. */
  public AuditUnavailableException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param refused whether the database (or the Secret describing it) refused the write, so that it
   *     fails the same way until someone changes something
   */
  public AuditUnavailableException(String message, Throwable cause, boolean refused) {
    super(message, cause);
    this.refused = refused;
  }

  /**
   * Whether the write was refused (credentials, grants, the table's shape, a bad URL) rather than
   * the database being unreachable: a refusal needs a person to act.
   */
  public boolean refused() {
    return refused;
  }
}
