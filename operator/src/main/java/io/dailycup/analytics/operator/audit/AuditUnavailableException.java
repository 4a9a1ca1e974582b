package io.dailycup.analytics.operator.audit;

/**
 * Audit rows could not be written: no connection, or the database refused the batch. The rows were
 * not written (a batch is one transaction), so the caller keeps them and tries again later. The
 * message names the server as host:port/database and the cause, never credentials, so it may go
 * into logs, Events and status.
 */
public final class AuditUnavailableException extends Exception {

  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
