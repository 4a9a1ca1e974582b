package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An audit row that could not be written yet. */
public class PendingAuditRow {

  @JsonPropertyDescription("Identity of the event; a retried insert of the same key is a no-op.")
  private String eventKey;

  @JsonPropertyDescription("When it happened (RFC 3339).")
  private String occurredAt;

  @JsonPropertyDescription("Audit action, such as ANALYTICS_MATERIALIZED_REFRESH_FAILED.")
  private String action;

  @JsonPropertyDescription("Outcome of the event.")
  private String outcome;

  @JsonPropertyDescription("Job name, if any.")
  private String runId;

  @JsonPropertyDescription("Details as a JSON object.")
  private String details;

  public String getEventKey() {
    return eventKey;
  }

  public void setEventKey(String eventKey) {
    this.eventKey = eventKey;
  }

  public String getOccurredAt() {
    return occurredAt;
  }

  public void setOccurredAt(String occurredAt) {
    this.occurredAt = occurredAt;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getRunId() {
    return runId;
  }

  public void setRunId(String runId) {
    this.runId = runId;
  }

  public String getDetails() {
    return details;
  }

  public void setDetails(String details) {
    this.details = details;
  }
}
