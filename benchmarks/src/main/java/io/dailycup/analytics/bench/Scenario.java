package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.refresh.RefreshMode;

/** What is refreshed, each timed against the bare aggregate over the same days. */
enum Scenario {
  FULL("full refresh", RefreshMode.FULL),
  INCREMENTAL("7-day incremental", RefreshMode.INCREMENTAL),
  BACKFILL("30-day backfill", RefreshMode.BACKFILL),
  /**
   * The same 7 days as {@link #INCREMENTAL}, in a copy of the source that keeps only every tenth
   * older row: whether the time depends on the table's size or only on the days refreshed.
   */
  INCREMENTAL_SMALL_TABLE(
      "7-day incremental, same days, table with 1/10 of the older rows", RefreshMode.INCREMENTAL);

  private final String label;
  private final RefreshMode mode;

  Scenario(String label, RefreshMode mode) {
    this.label = label;
    this.mode = mode;
  }

  RefreshMode mode() {
    return mode;
  }

  String label() {
    return label;
  }
}
