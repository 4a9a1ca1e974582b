package io.dailycup.analytics.job.refresh;

/** What a run rebuilds. */
public enum RefreshMode {
  /** The last N local days, replaced in place. */
  INCREMENTAL("Incremental"),
  /** An explicit range of local days, replaced in place, committed in chunks. */
  BACKFILL("Backfill"),
  /** The whole summary, rebuilt beside the live table and swapped in. */
  FULL("Full");

  private final String displayName;

  RefreshMode(String displayName) {
    this.displayName = displayName;
  }

  /** The name used in output and in the JSON result, as the operator's resource spells it. */
  public String displayName() {
    return displayName;
  }
}
