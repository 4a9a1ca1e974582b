package io.dailycup.analytics.job.refresh;

/** Receives a run's progress as it happens. */
public interface Progress {

  /** A run has a plan: what it will rebuild. */
  void planned(RefreshMode mode, RefreshWindow window, String target);

  /** One day was aggregated into the summary or its shadow (not yet committed). */
  void dayWritten(DayRange day, Totals written);

  /** A step worth a line of its own: a commit, a swap, a cleanup. */
  void step(String description);
}
