package io.dailycup.analytics.operator.audit;

/**
 * What an audit row records. Stored by name in the {@code action} column, so a constant is never
 * renamed once rows carry it.
 */
public enum AuditAction {
  /** A refresh run finished and the summary table was rebuilt. */
  ANALYTICS_MATERIALIZED_REFRESH,
  /** A refresh run failed. */
  ANALYTICS_MATERIALIZED_REFRESH_FAILED,
  /** No successful refresh within the resource's staleness limit. */
  ANALYTICS_MATERIALIZED_REFRESH_STALE,
  /** A user asked for a refresh outside the schedule. */
  ANALYTICS_MATERIALIZED_REFRESH_TRIGGERED,
  /** A user asked for a test alert. */
  ANALYTICS_ALERT_TEST
}
