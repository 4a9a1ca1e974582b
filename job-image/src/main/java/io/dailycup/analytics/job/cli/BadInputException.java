package io.dailycup.analytics.job.cli;

/** The user's flags or environment cannot be acted on; the message says which and why. */
final class BadInputException extends RuntimeException {

  BadInputException(String message) {
    super(message);
  }
}
