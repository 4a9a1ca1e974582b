package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.List;

/** When and where a refresh alerts. */
public class AlertsSpec {

  @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$")
  @JsonPropertyDescription(
      "Alert when no run succeeded for this long, such as 26h or 1d12h; "
          + "twice the schedule's longest interval when empty.")
  private String staleAfter;

  @JsonPropertyDescription("Events that alert: Failure, Stale, Recovery; all three when empty.")
  private List<AlertEvent> on;

  @JsonPropertyDescription("Email alerts.")
  private EmailAlertSpec email;

  @JsonPropertyDescription("Slack alerts through an incoming webhook.")
  private SlackAlertSpec slack;

  public String getStaleAfter() {
    return staleAfter;
  }

  public void setStaleAfter(String staleAfter) {
    this.staleAfter = staleAfter;
  }

  public List<AlertEvent> getOn() {
    return on;
  }

  public void setOn(List<AlertEvent> on) {
    this.on = on;
  }

  public EmailAlertSpec getEmail() {
    return email;
  }

  public void setEmail(EmailAlertSpec email) {
    this.email = email;
  }

  public SlackAlertSpec getSlack() {
    return slack;
  }

  public void setSlack(SlackAlertSpec slack) {
    this.slack = slack;
  }
}
