package io.dailycup.analytics.job.db;

/** No connection to the database could be made; the message names the server, not secrets. */
public final class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
