package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a scheduled run rebuilds. */
public enum RefreshMode {
  /** The last {@code spec.days} local days, replaced in place. */
  @JsonProperty("Incremental")
  INCREMENTAL,
  /** The whole summary, rebuilt beside the live table and swapped in. */
  @JsonProperty("Full")
  FULL
}
