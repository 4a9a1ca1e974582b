package io.dailycup.analytics.bench;

/** A way of rebuilding the summary that a polling reader watches. */
enum Approach {
  JOB_FULL("analytics-refresh --full", true),
  TRUNCATE_AND_REPOPULATE("TRUNCATE and repopulate (the old scripts)", false),
  JOB_INCREMENTAL("analytics-refresh --days 7", true),
  JOB_BACKFILL("analytics-refresh --from --to (30 days)", true);

  private final String label;
  private final boolean job;

  Approach(String label, boolean job) {
    this.label = label;
    this.job = job;
  }

  String label() {
    return label;
  }

  /** The refresh job's, as opposed to the baseline. */
  boolean isJob() {
    return job;
  }
}
