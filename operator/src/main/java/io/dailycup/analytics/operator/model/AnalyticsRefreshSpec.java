package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** What to refresh, when, and whom to tell. */
public class AnalyticsRefreshSpec {

  @Required
  @PrinterColumn(name = "Schedule")
  @JsonPropertyDescription(
      "Cron schedule of the refresh: five fields (minute hour day-of-month "
          + "month day-of-week) or a macro such as @daily, @hourly, @weekly. "
          + "Evaluated in timeZone.")
  private String schedule;

  @Default("UTC")
  @JsonPropertyDescription(
      "IANA time zone of the schedule and of the summary's days, such as " + "Europe/Amsterdam.")
  private String timeZone = "UTC";

  @Default("Incremental")
  @PrinterColumn(name = "Mode")
  @JsonPropertyDescription(
      "Incremental rebuilds the last `days` days in place; Full rebuilds the "
          + "whole table and swaps it in.")
  private RefreshMode mode = RefreshMode.INCREMENTAL;

  @Default("7")
  @Min(1)
  @Max(3650)
  @PrinterColumn(name = "Days")
  @JsonPropertyDescription(
      "Days an Incremental run rebuilds, today included (1-3650). Ignored " + "for Full.")
  private Integer days = 7;

  @Default("false")
  @PrinterColumn(name = "Suspended")
  @JsonPropertyDescription(
      "Stop scheduling runs without deleting anything; manual refreshes " + "still run.")
  private Boolean suspend = false;

  @Required
  @JsonPropertyDescription("The database holding the source and summary tables.")
  private DatabaseSpec database;

  @JsonPropertyDescription("Table names, if not the defaults.")
  private TablesSpec tables = new TablesSpec();

  @JsonPropertyDescription("How each run's Job is built.")
  private JobSpec job = new JobSpec();

  @JsonPropertyDescription("When and where to alert.")
  private AlertsSpec alerts = new AlertsSpec();

  @JsonPropertyDescription("Audit rows written to the database.")
  private AuditSpec audit = new AuditSpec();

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public RefreshMode getMode() {
    return mode;
  }

  public void setMode(RefreshMode mode) {
    this.mode = mode;
  }

  public Integer getDays() {
    return days;
  }

  public void setDays(Integer days) {
    this.days = days;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public DatabaseSpec getDatabase() {
    return database;
  }

  public void setDatabase(DatabaseSpec database) {
    this.database = database;
  }

  public TablesSpec getTables() {
    return tables;
  }

  public void setTables(TablesSpec tables) {
    this.tables = tables;
  }

  public JobSpec getJob() {
    return job;
  }

  public void setJob(JobSpec job) {
    this.job = job;
  }

  public AlertsSpec getAlerts() {
    return alerts;
  }

  public void setAlerts(AlertsSpec alerts) {
    this.alerts = alerts;
  }

  public AuditSpec getAudit() {
    return audit;
  }

  public void setAudit(AuditSpec audit) {
    this.audit = audit;
  }
}
