package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What started a run. */
public enum RunTrigger {
  @JsonProperty("Scheduled")
  SCHEDULED,
  @JsonProperty("Manual")
  MANUAL
}
