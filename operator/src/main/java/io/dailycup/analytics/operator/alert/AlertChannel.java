package io.dailycup.analytics.operator.alert;

/**
 * One way of telling people about an alert. Implementations report every failure in the returned
 * {@link Delivery} rather than throwing, so that the caller can record it and go on.
 */
public interface AlertChannel {

  /** A short lower-case name for Events, metrics and logs, such as {@code slack}. */
  String name();

  /** Sends the alert, retrying where the channel allows; never throws. */
  Delivery send(Alert alert);
}
