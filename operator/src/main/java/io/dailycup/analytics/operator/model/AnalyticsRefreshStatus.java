package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed and did. */
public class AnalyticsRefreshStatus {

  @JsonPropertyDescription("The spec generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, Stalled, Stale, LastRunSucceeded.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The CronJob that runs the refresh.")
  private String cronJobName;

  @JsonPropertyDescription("When the CronJob last started a Job (RFC 3339).")
  private String lastScheduleTime;

  @PrinterColumn(name = "Next")
  @JsonPropertyDescription("When the next scheduled run is due (RFC 3339); empty while suspended.")
  private String nextScheduleTime;

  @PrinterColumn(name = "Last Success")
  @JsonPropertyDescription("When the last successful run finished (RFC 3339).")
  private String lastSuccessfulTime;

  @JsonPropertyDescription("When the last failed run finished (RFC 3339).")
  private String lastFailureTime;

  @JsonPropertyDescription("Failed runs since the last success.")
  private Integer consecutiveFailures = 0;

  @JsonPropertyDescription("The latest run.")
  private RunStatus lastRun;

  @JsonPropertyDescription("The refresh-requested-at token last acted on.")
  private String lastHandledRefreshRequest;

  @JsonPropertyDescription("A refresh-requested-at token waiting for the active run to end.")
  private String pendingRefreshRequest;

  @JsonPropertyDescription("The test-alert-requested-at token last acted on.")
  private String lastHandledTestAlertRequest;

  @JsonPropertyDescription(
      "Finished Jobs already recorded, newest last, so none is counted twice " + "across restarts.")
  private List<String> recordedJobs = new ArrayList<>();

  @JsonPropertyDescription(
      "When the refresh was last resumed after a suspension (RFC 3339); staleness counts from"
          + " here when it is later than the last success.")
  private String resumedTime;

  @JsonPropertyDescription("Start of the current stale episode (RFC 3339); empty when fresh.")
  private String staleSince;

  @JsonPropertyDescription(
      "When the current stale episode last alerted (RFC 3339), for " + "reminders.")
  private String lastStaleAlertTime;

  @JsonPropertyDescription("Audit rows waiting for the database, oldest first (at most 100).")
  private List<PendingAuditRow> pendingAudit = new ArrayList<>();

  @JsonPropertyDescription("Audit rows dropped because the waiting list was full.")
  private Long auditRowsDropped = 0L;

  @JsonPropertyDescription(
      "Why the last attempt to write the waiting audit rows failed; absent once a write"
          + " succeeds.")
  private String auditError;

  @JsonPropertyDescription("Per-channel outcome of the latest alert.")
  private List<AlertDelivery> lastAlertDeliveries = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getCronJobName() {
    return cronJobName;
  }

  public void setCronJobName(String cronJobName) {
    this.cronJobName = cronJobName;
  }

  public String getLastScheduleTime() {
    return lastScheduleTime;
  }

  public void setLastScheduleTime(String lastScheduleTime) {
    this.lastScheduleTime = lastScheduleTime;
  }

  public String getNextScheduleTime() {
    return nextScheduleTime;
  }

  public void setNextScheduleTime(String nextScheduleTime) {
    this.nextScheduleTime = nextScheduleTime;
  }

  public String getLastSuccessfulTime() {
    return lastSuccessfulTime;
  }

  public void setLastSuccessfulTime(String lastSuccessfulTime) {
    this.lastSuccessfulTime = lastSuccessfulTime;
  }

  public String getLastFailureTime() {
    return lastFailureTime;
  }

  public void setLastFailureTime(String lastFailureTime) {
    this.lastFailureTime = lastFailureTime;
  }

  public Integer getConsecutiveFailures() {
    return consecutiveFailures;
  }

  public void setConsecutiveFailures(Integer consecutiveFailures) {
    this.consecutiveFailures = consecutiveFailures;
  }

  public RunStatus getLastRun() {
    return lastRun;
  }

  public void setLastRun(RunStatus lastRun) {
    this.lastRun = lastRun;
  }

  public String getLastHandledRefreshRequest() {
    return lastHandledRefreshRequest;
  }

  public void setLastHandledRefreshRequest(String lastHandledRefreshRequest) {
    this.lastHandledRefreshRequest = lastHandledRefreshRequest;
  }

  public String getPendingRefreshRequest() {
    return pendingRefreshRequest;
  }

  public void setPendingRefreshRequest(String pendingRefreshRequest) {
    this.pendingRefreshRequest = pendingRefreshRequest;
  }

  public String getLastHandledTestAlertRequest() {
    return lastHandledTestAlertRequest;
  }

  public void setLastHandledTestAlertRequest(String lastHandledTestAlertRequest) {
    this.lastHandledTestAlertRequest = lastHandledTestAlertRequest;
  }

  public List<String> getRecordedJobs() {
    return recordedJobs;
  }

  public void setRecordedJobs(List<String> recordedJobs) {
    this.recordedJobs = recordedJobs;
  }

  public String getStaleSince() {
    return staleSince;
  }

  public void setStaleSince(String staleSince) {
    this.staleSince = staleSince;
  }

  public String getLastStaleAlertTime() {
    return lastStaleAlertTime;
  }

  public void setLastStaleAlertTime(String lastStaleAlertTime) {
    this.lastStaleAlertTime = lastStaleAlertTime;
  }

  public List<PendingAuditRow> getPendingAudit() {
    return pendingAudit;
  }

  public void setPendingAudit(List<PendingAuditRow> pendingAudit) {
    this.pendingAudit = pendingAudit;
  }

  public Long getAuditRowsDropped() {
    return auditRowsDropped;
  }

  public void setAuditRowsDropped(Long auditRowsDropped) {
    this.auditRowsDropped = auditRowsDropped;
  }

  public String getAuditError() {
    return auditError;
  }

  public void setAuditError(String auditError) {
    this.auditError = auditError;
  }

  public List<AlertDelivery> getLastAlertDeliveries() {
    return lastAlertDeliveries;
  }

  public void setLastAlertDeliveries(List<AlertDelivery> lastAlertDeliveries) {
    this.lastAlertDeliveries = lastAlertDeliveries;
  }

  public String getResumedTime() {
    return resumedTime;
  }

  public void setResumedTime(String resumedTime) {
    this.resumedTime = resumedTime;
  }
}
