package io.dailycup.analytics.operator.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dailycup.analytics.operator.audit.AuditAction;
import io.dailycup.analytics.operator.audit.AuditDatabase;
import io.dailycup.analytics.operator.audit.AuditRow;
import io.dailycup.analytics.operator.audit.AuditUnavailableException;
import io.dailycup.analytics.operator.audit.AuditWriter;
import io.dailycup.analytics.operator.metrics.RefreshMetrics;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshStatus;
import io.dailycup.analytics.operator.model.PendingAuditRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit rows of a resource: queued in its status first (so a database that is down loses none, and
 * a restarted operator finds them), then written to the resource's own database. A retried insert
 * of the same event key is a no-op, so a row written just before a crash is not doubled when the
 * queue is written again.
 */
public class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The queue's bound in status; beyond it the oldest rows are dropped and counted. */
  static final int MAX_PENDING = 100;

  /**
   * How soon a queue that could not be written is tried again, refused or not: a refusal is usually
   * fixed in the Secret, which the operator does not watch, so it keeps trying.
   */
  static final Duration RETRY = Duration.ofMinutes(1);

  private final AuditWriter writer;
  private final SecretValues secrets;
  private final EventRecorder events;
  private final RefreshMetrics metrics;
  private final String actor;

  public AuditTrail(
      AuditWriter writer,
      SecretValues secrets,
      EventRecorder events,
      RefreshMetrics metrics,
      String actor) {
    this.writer = writer;
    this.secrets = secrets;
    this.events = events;
    this.metrics = metrics;
    this.actor = actor;
  }

  /** Queues one row; {@code details} becomes the row's JSON. */
  public void add(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      String eventKey,
      AuditAction action,
      String outcome,
      String runId,
      Map<String, Object> details,
      Instant at) {
    if (!Boolean.TRUE.equals(refresh.getSpec().getAudit().getEnabled())) {
      return;
    }
    PendingAuditRow row = new PendingAuditRow();
    row.setEventKey(eventKey.length() > 191 ? eventKey.substring(0, 191) : eventKey);
    row.setOccurredAt(Times.format(at));
    row.setAction(action.name());
    row.setOutcome(outcome);
    row.setRunId(runId);
    row.setDetails(json(details));
    List<PendingAuditRow> pending = status.getPendingAudit();
    if (pending.stream().noneMatch(queued -> queued.getEventKey().equals(row.getEventKey()))) {
      pending.add(row);
    }
    dropOverflow(refresh, status);
  }

  /**
   * Writes the queue; on success it is emptied. Returns when to try again if the database could not
   * be reached.
   */
  public Optional<Duration> flush(AnalyticsRefresh refresh, AnalyticsRefreshStatus status) {
    RefreshMetrics.ResourceKey key =
        new RefreshMetrics.ResourceKey(
            refresh.getMetadata().getNamespace(), refresh.getMetadata().getName());
    writer.closeIdle();
    List<PendingAuditRow> pending = status.getPendingAudit();
    if (pending.isEmpty()) {
      status.setAuditError(null);
      metrics.auditPending(key, 0);
      return Optional.empty();
    }
    try {
      write(refresh, pending);
      LOG.info("wrote {} audit rows", pending.size());
      pending.clear();
      status.setAuditError(null);
      metrics.auditPending(key, 0);
      return Optional.empty();
    } catch (AuditUnavailableException e) {
      metrics.auditPending(key, pending.size());
      failed(refresh, status, e);
      return Optional.of(RETRY);
    }
  }

  /**
   * Writes the queue of a resource being deleted, whose status goes with it: once, as nothing would
   * try again. Rows that cannot be written, for whatever reason (the database down or refusing, the
   * Secret gone, a spec the schema would have refused), are dropped, and the log and a Warning
   * Event (where the namespace still takes one) say how many and why; the deletion goes on.
   */
  public void flushBeforeDeletion(AnalyticsRefresh refresh, AnalyticsRefreshStatus status) {
    List<PendingAuditRow> pending = status.getPendingAudit();
    if (pending.isEmpty()) {
      return;
    }
    try {
      write(refresh, pending);
      LOG.info("wrote {} audit rows before deletion", pending.size());
    } catch (AuditUnavailableException | RuntimeException e) {
      String message =
          "%d audit rows dropped with the deleted resource: %s"
              .formatted(pending.size(), Objects.toString(e.getMessage(), e.toString()));
      LOG.warn("{}", message);
      events.warning(refresh, "AuditRowsDropped", message);
    }
  }

  /**
   * Records why the queue waits. A refusal gets a Warning Event when it first appears (or its
   * reason changes), since it lasts until someone fixes the grant, the table or the Secret; an
   * outage shows in status and the pending gauge only, and passes by itself.
   */
  private void failed(
      AnalyticsRefresh refresh, AnalyticsRefreshStatus status, AuditUnavailableException e) {
    int waiting = status.getPendingAudit().size();
    boolean changed = !e.getMessage().equals(status.getAuditError());
    status.setAuditError(e.getMessage());
    if (!e.refused()) {
      LOG.info("{} audit rows wait: {}", waiting, e.getMessage());
    } else if (changed) {
      LOG.warn("{} audit rows wait for a fix: {}", waiting, e.getMessage());
      events.warning(
          refresh,
          "AuditRefused",
          "%s; %d audit rows wait in status.pendingAudit until this is fixed"
              .formatted(e.getMessage(), waiting));
    }
  }

  /** Closes the resource's pool. */
  public void forget(AnalyticsRefresh refresh) {
    writer.forget(poolKey(refresh));
  }

  private void dropOverflow(AnalyticsRefresh refresh, AnalyticsRefreshStatus status) {
    List<PendingAuditRow> pending = status.getPendingAudit();
    int excess = pending.size() - MAX_PENDING;
    if (excess > 0) {
      pending.subList(0, excess).clear();
      status.setAuditRowsDropped(
          Optional.ofNullable(status.getAuditRowsDropped()).orElse(0L) + excess);
      events.warning(
          refresh,
          "AuditRowsDropped",
          "the audit database has been unreachable for %d rows; the oldest %d were dropped"
              .formatted(MAX_PENDING + excess, excess));
    }
  }

  private void write(AnalyticsRefresh refresh, List<PendingAuditRow> pending)
      throws AuditUnavailableException {
    writer.write(
        poolKey(refresh),
        database(refresh),
        refresh.getSpec().getAudit().getTable(),
        pending.stream().map(row -> row(refresh, row)).toList());
  }

  private AuditRow row(AnalyticsRefresh refresh, PendingAuditRow row) {
    return new AuditRow(
        row.getEventKey(),
        Times.parse(row.getOccurredAt()),
        AuditAction.valueOf(row.getAction()),
        actor,
        refresh.getMetadata().getNamespace()
            + "/"
            + refresh.getMetadata().getName()
            + " "
            + refresh.getSpec().getTables().getTarget(),
        row.getOutcome(),
        row.getRunId(),
        row.getDetails());
  }

  private AuditDatabase database(AnalyticsRefresh refresh) throws AuditUnavailableException {
    String name = refresh.getSpec().getDatabase().getSecretRef().getName();
    Map<String, String> data =
        secrets
            .read(refresh.getMetadata().getNamespace(), name)
            .orElseThrow(
                () -> new AuditUnavailableException("Secret " + name + " not found", null));
    return new AuditDatabase(data.get("url"), data.get("username"), data.get("password"));
  }

  private static String poolKey(AnalyticsRefresh refresh) {
    return refresh.getMetadata().getNamespace()
        + "/"
        + refresh.getSpec().getDatabase().getSecretRef().getName();
  }

  private static String json(Map<String, Object> details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("audit details are plain values", e);
    }
  }
}
