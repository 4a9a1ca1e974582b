package io.dailycup.analytics.job.refresh;

/** A refresh stopped on purpose, its message saying why; the live summary is unchanged. */
public final class RefreshFailedException extends RuntimeException {

  public RefreshFailedException(String message) {
    super(message);
  }
}
