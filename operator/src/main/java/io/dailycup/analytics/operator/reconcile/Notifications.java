package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.alert.AlertType;
import io.dailycup.analytics.operator.alert.Delivery;
import io.dailycup.analytics.operator.audit.AuditAction;
import io.dailycup.analytics.operator.model.AlertEvent;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshStatus;
import io.dailycup.analytics.operator.model.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the state changes of one reconcile lead to: alerts (failed run, recovery, stale, test) and
 * audit rows. Each is raised by the reconcile that records the change in status, so an event is
 * alerted and audited once; a restarted operator finds it recorded.
 */
public class Notifications {

  /** Messages in audit details are cut here; the full text is in the Job's log. */
  private static final int MAX_MESSAGE = 1000;

  private final Alerting alerting;
  private final AuditTrail audit;
  private final EventRecorder events;
  private final Duration staleReminder;

  public Notifications(
      Alerting alerting, AuditTrail audit, EventRecorder events, Duration staleReminder) {
    this.alerting = alerting;
    this.audit = audit;
    this.events = events;
    this.staleReminder = staleReminder;
  }

  /** Alerts on failures and recoveries; audits every finished run. */
  public void runsFinished(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      List<FinishedRun> runs,
      Instant now) {
    for (FinishedRun run : runs) {
      JobOutcome outcome = run.outcome();
      List<Delivery> deliveries = List.of();
      if (outcome.result() == RunResult.FAILED && Alerting.wanted(refresh, AlertEvent.FAILURE)) {
        deliveries =
            alerting.send(
                refresh,
                status,
                AlertType.FAILURE,
                "refresh run %s failed".formatted(run.jobName()),
                outcome.message(),
                run.jobName(),
                now);
      } else if (run.recovery() && Alerting.wanted(refresh, AlertEvent.RECOVERY)) {
        deliveries =
            alerting.send(
                refresh,
                status,
                AlertType.RECOVERY,
                "refresh run %s succeeded again".formatted(run.jobName()),
                outcome.message(),
                run.jobName(),
                now);
      }
      Map<String, Object> details = runDetails(run);
      details.put("alerts", deliveryDetails(deliveries));
      audit.add(
          refresh,
          status,
          eventKey(refresh, "run", run.jobName()),
          outcome.result() == RunResult.FAILED
              ? AuditAction.ANALYTICS_MATERIALIZED_REFRESH_FAILED
              : AuditAction.ANALYTICS_MATERIALIZED_REFRESH,
          Names.display(outcome.result()),
          run.jobName(),
          details,
          outcome.finishedAt());
    }
  }

  /** Audits a manual refresh request that started a Job. */
  public void refreshTriggered(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      String token,
      String jobName,
      Instant now) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("request", token);
    details.put("refreshDays", Names.annotation(refresh, AnalyticsRefresh.REFRESH_DAYS));
    audit.add(
        refresh,
        status,
        eventKey(refresh, "request", token),
        AuditAction.ANALYTICS_MATERIALIZED_REFRESH_TRIGGERED,
        "Started",
        jobName,
        details,
        now);
  }

  /**
   * Alerts when a stale episode begins and again every reminder interval while it lasts; audits
   * each.
   */
  public void stale(
      AnalyticsRefresh refresh, AnalyticsRefreshStatus status, Staleness staleness, Instant now) {
    if (!staleness.stale()) {
      return;
    }
    Instant lastAlert = Times.parse(status.getLastStaleAlertTime());
    if (lastAlert != null && now.isBefore(lastAlert.plus(staleReminder))) {
      return;
    }
    boolean reminder = lastAlert != null;
    String detail = staleness.describe(status);
    List<Delivery> deliveries = List.of();
    if (Alerting.wanted(refresh, AlertEvent.STALE)) {
      deliveries =
          alerting.send(
              refresh,
              status,
              AlertType.STALE,
              reminder ? "the summary is still stale" : "the summary is stale",
              detail,
              null,
              now);
    }
    status.setLastStaleAlertTime(Times.format(now));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("staleSince", status.getStaleSince());
    details.put("staleAfter", staleness.staleAfter().toString());
    details.put("lastSuccessfulTime", status.getLastSuccessfulTime());
    details.put("reminder", reminder);
    details.put("alerts", deliveryDetails(deliveries));
    audit.add(
        refresh,
        status,
        eventKey(refresh, "stale", status.getStaleSince() + "/" + Times.format(now)),
        AuditAction.ANALYTICS_MATERIALIZED_REFRESH_STALE,
        "Stale",
        null,
        details,
        now);
  }

  /** Sends a test alert to every channel for a new test-alert token, whatever alerts.on says. */
  public void testAlert(AnalyticsRefresh refresh, AnalyticsRefreshStatus status, Instant now) {
    String token = Names.annotation(refresh, AnalyticsRefresh.TEST_ALERT_REQUESTED_AT);
    if (token == null || token.equals(status.getLastHandledTestAlertRequest())) {
      return;
    }
    List<Delivery> deliveries =
        alerting.send(
            refresh,
            status,
            AlertType.TEST,
            "test alert",
            "requested with %s=%s".formatted(AnalyticsRefresh.TEST_ALERT_REQUESTED_AT, token),
            null,
            now);
    status.setLastHandledTestAlertRequest(token);
    String summary =
        deliveries.isEmpty()
            ? "no alert channel is configured"
            : String.join("; ", deliveries.stream().map(Notifications::describe).toList());
    boolean allDelivered =
        !deliveries.isEmpty() && deliveries.stream().allMatch(Delivery::delivered);
    if (allDelivered) {
      events.normal(refresh, "TestAlertSent", summary);
    } else {
      events.warning(refresh, "TestAlertFailed", summary);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("request", token);
    details.put("alerts", deliveryDetails(deliveries));
    audit.add(
        refresh,
        status,
        eventKey(refresh, "test-alert", token),
        AuditAction.ANALYTICS_ALERT_TEST,
        allDelivered ? "Delivered" : "Failed",
        null,
        details,
        now);
  }

  /** Writes the queued audit rows; returns when to try again if the database was down. */
  public Optional<Duration> flushAudit(AnalyticsRefresh refresh, AnalyticsRefreshStatus status) {
    return audit.flush(refresh, status);
  }

  /** The deleted resource's last chance to write its queued audit rows. */
  public void flushAuditBeforeDeletion(AnalyticsRefresh refresh, AnalyticsRefreshStatus status) {
    audit.flushBeforeDeletion(refresh, status);
  }

  public void forget(AnalyticsRefresh refresh) {
    audit.forget(refresh);
  }

  private static Map<String, Object> runDetails(FinishedRun run) {
    JobOutcome outcome = run.outcome();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("trigger", Names.display(run.trigger()));
    details.put("mode", outcome.mode());
    details.put("days", outcome.days());
    details.put("rowsWritten", outcome.rowsWritten());
    details.put("durationSeconds", outcome.durationSeconds());
    String message = outcome.message();
    details.put(
        "message",
        message != null && message.length() > MAX_MESSAGE
            ? message.substring(0, MAX_MESSAGE)
            : message);
    return details;
  }

  private static List<Map<String, Object>> deliveryDetails(List<Delivery> deliveries) {
    return deliveries.stream()
        .map(
            d -> {
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("channel", d.channel());
              detail.put("delivered", d.delivered());
              detail.put("detail", d.detail());
              return detail;
            })
        .toList();
  }

  private static String describe(Delivery delivery) {
    return delivery.channel()
        + ": "
        + (delivery.delivered() ? "delivered" : "failed, " + delivery.detail());
  }

  private static String eventKey(AnalyticsRefresh refresh, String kind, String id) {
    return refresh.getMetadata().getNamespace()
        + "/"
        + refresh.getMetadata().getName()
        + "/"
        + kind
        + "/"
        + id;
  }
}
