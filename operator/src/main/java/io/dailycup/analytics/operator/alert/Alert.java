package io.dailycup.analytics.operator.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything an alert says, gathered once by the reconciler so that every channel tells the same
 * facts.
 *
 * @param type what happened
 * @param namespace the resource's namespace
 * @param resourceName the AnalyticsRefresh's name
 * @param table the summary table the resource keeps fresh
 * @param headline one line saying what happened
 * @param detail the run's own message, such as the job's error; may be null
 * @param jobName the Job whose logs tell more; null when no Job is involved (stale, test)
 * @param occurredAt when it happened
 * @param runbookUrl where operators read what to do; may be null
 */
public record Alert(
    AlertType type,
    String namespace,
    String resourceName,
    String table,
    String headline,
    String detail,
    String jobName,
    Instant occurredAt,
    String runbookUrl) {

  public Alert {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** {@code namespace/name}, as kubectl and the messages name the resource. */
  public String resource() {
    return namespace + "/" + resourceName;
  }
}
