package io.dailycup.analytics.job.refresh;

import java.time.Duration;
import java.time.LocalDate;

/**
 * What a run did. Days are local days of the run's zone; {@code firstDay} and {@code lastDay} are
 * null when the run never got to a window (bad input, an empty source).
 *
 * @param rowsWritten summary rows inserted
 * @param messages source messages those rows count
 */
public record RefreshResult(
    Outcome outcome,
    RefreshMode mode,
    LocalDate firstDay,
    LocalDate lastDay,
    int days,
    long rowsWritten,
    long messages,
    Duration duration,
    boolean dryRun,
    String message) {

  public static RefreshResult succeeded(
      RefreshMode mode, RefreshWindow window, Totals totals, Duration duration, String message) {
    return new RefreshResult(
        Outcome.SUCCEEDED,
        mode,
        window == null ? null : window.first(),
        window == null ? null : window.last(),
        window == null ? 0 : window.dayCount(),
        totals.rows(),
        totals.messages(),
        duration,
        false,
        message);
  }

  public static RefreshResult skipped(RefreshMode mode, Duration duration, String message) {
    return new RefreshResult(Outcome.SKIPPED, mode, null, null, 0, 0, 0, duration, false, message);
  }

  public static RefreshResult failed(RefreshMode mode, Duration duration, String message) {
    return new RefreshResult(Outcome.FAILED, mode, null, null, 0, 0, 0, duration, false, message);
  }

  public RefreshResult asDryRun() {
    return new RefreshResult(
        outcome, mode, firstDay, lastDay, days, rowsWritten, messages, duration, true, message);
  }
}
