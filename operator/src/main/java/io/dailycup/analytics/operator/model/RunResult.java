package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a run ended, or that it has not. */
public enum RunResult {
  @JsonProperty("Running")
  RUNNING,
  @JsonProperty("Succeeded")
  SUCCEEDED,
  @JsonProperty("Failed")
  FAILED,
  /** Another run held the table's lock; nothing was written. */
  @JsonProperty("Skipped")
  SKIPPED
}
