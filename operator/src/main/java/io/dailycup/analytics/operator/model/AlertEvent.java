package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The events that can raise an alert. */
public enum AlertEvent {
  /** A run failed. */
  @JsonProperty("Failure")
  FAILURE,
  /** No run succeeded within {@code alerts.staleAfter}. */
  @JsonProperty("Stale")
  STALE,
  /** The first success after failures or staleness. */
  @JsonProperty("Recovery")
  RECOVERY
}
