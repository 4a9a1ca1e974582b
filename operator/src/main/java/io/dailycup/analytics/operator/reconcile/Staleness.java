package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshStatus;
import io.dailycup.analytics.operator.schedule.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a refresh is stale: no success within {@code alerts.staleAfter} of the last success (or
 * of the resource's creation, before any). A suspended refresh is never stale: nobody expects it to
 * run.
 *
 * @param stale whether it is stale now
 * @param staleAfter the allowed age of the last success
 * @param deadline when it becomes stale if nothing succeeds before; empty while suspended
 */
record Staleness(boolean stale, Duration staleAfter, Optional<Instant> deadline) {

  /**
   * @param longestInterval the schedule's longest gap between runs, the default staleAfter's base
   *     (costly to compute for a frequent schedule, so computed once by the caller)
   */
  static Staleness judge(AnalyticsRefresh refresh, Duration longestInterval, Instant now) {
    Duration staleAfter = staleAfter(refresh, longestInterval);
    if (Boolean.TRUE.equals(refresh.getSpec().getSuspend())) {
      return new Staleness(false, staleAfter, Optional.empty());
    }
    Instant since =
        latest(
            Optional.ofNullable(Times.parse(statusTime(refresh)))
                .orElse(Times.parse(refresh.getMetadata().getCreationTimestamp())),
            refresh.getStatus() == null ? null : Times.parse(refresh.getStatus().getResumedTime()));
    if (since == null) {
      return new Staleness(false, staleAfter, Optional.empty());
    }
    Instant deadline = since.plus(staleAfter);
    return new Staleness(!now.isBefore(deadline), staleAfter, Optional.of(deadline));
  }

  /** The spec's {@code alerts.staleAfter}, else twice the schedule's longest interval. */
  private static Duration staleAfter(AnalyticsRefresh refresh, Duration longestInterval) {
    String configured = refresh.getSpec().getAlerts().getStaleAfter();
    return configured != null && !configured.isBlank()
        ? Durations.parse(configured)
        : longestInterval.multipliedBy(2);
  }

  /** What a stale refresh's condition, Event and alert say. */
  String describe(AnalyticsRefreshStatus status) {
    return "no run succeeded within %s; last success: %s"
        .formatted(staleAfter, Optional.ofNullable(status.getLastSuccessfulTime()).orElse("never"));
  }

  /** A suspended refresh was not expected to run: its clock restarts when it resumes. */
  private static Instant latest(Instant lastSuccessOrCreation, Instant resumed) {
    if (lastSuccessOrCreation == null || resumed == null) {
      return lastSuccessOrCreation == null ? resumed : lastSuccessOrCreation;
    }
    return resumed.isAfter(lastSuccessOrCreation) ? resumed : lastSuccessOrCreation;
  }

  private static String statusTime(AnalyticsRefresh refresh) {
    return refresh.getStatus() == null ? null : refresh.getStatus().getLastSuccessfulTime();
  }
}
