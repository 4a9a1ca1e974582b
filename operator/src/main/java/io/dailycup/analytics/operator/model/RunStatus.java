package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The latest finished or running refresh. */
public class RunStatus {

  @JsonPropertyDescription("Name of the Job.")
  private String jobName;

  @JsonPropertyDescription("Scheduled by the CronJob or Manual by annotation.")
  private RunTrigger trigger;

  @JsonPropertyDescription("Incremental, Backfill or Full.")
  private String mode;

  @JsonPropertyDescription("Days rebuilt.")
  private Integer days;

  @JsonPropertyDescription("When the Job started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the Job finished (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("Succeeded, Failed, Skipped or Running.")
  private RunResult result;

  @JsonPropertyDescription("Summary rows written.")
  private Long rowsWritten;

  @JsonPropertyDescription("Run time in seconds.")
  private Double durationSeconds;

  @JsonPropertyDescription("The job's own one-line summary or error.")
  private String message;

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }

  public RunTrigger getTrigger() {
    return trigger;
  }

  public void setTrigger(RunTrigger trigger) {
    this.trigger = trigger;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public Integer getDays() {
    return days;
  }

  public void setDays(Integer days) {
    this.days = days;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public RunResult getResult() {
    return result;
  }

  public void setResult(RunResult result) {
    this.result = result;
  }

  public Long getRowsWritten() {
    return rowsWritten;
  }

  public void setRowsWritten(Long rowsWritten) {
    this.rowsWritten = rowsWritten;
  }

  public Double getDurationSeconds() {
    return durationSeconds;
  }

  public void setDurationSeconds(Double durationSeconds) {
    this.durationSeconds = durationSeconds;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
