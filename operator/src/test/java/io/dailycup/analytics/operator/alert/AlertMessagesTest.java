package io.dailycup.analytics.operator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AlertMessagesTest {

  @Test
  void subjectNamesTheTypeTheResourceAndTheHeadline() {
    assertThat(AlertMessages.subject(Alerts.stale()))
        .isEqualTo("[analytics-refresh] STALE analytics/nightly: No run succeeded for 26h");
  }

  @Test
  void subjectStaysOnOneLineWhateverTheHeadline() {
    Alert alert = withHeadline("line one\r\nBcc: someone@example.com");

    assertThat(AlertMessages.subject(alert)).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void emailBodyLeavesOutTheJobAndRunbookWhenThereAreNone() {
    String body = AlertMessages.emailBody(Alerts.stale());

    assertThat(body)
        .contains("kubectl describe ar/nightly -n analytics")
        .doesNotContain("kubectl logs")
        .doesNotContain("Runbook")
        .doesNotContain("Message from the run");
  }

  @Test
  void slackJsonStaysValidAndWithinSlackLimitsForAHugeMessage() throws Exception {
    Alert alert = withDetail("\"quoted\" \\ and `ticks`\n".repeat(500));

    JsonNode json = new ObjectMapper().readTree(AlertMessages.slackJson(alert));

    for (JsonNode block : json.get("blocks")) {
      assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(3000);
    }
  }

  private static Alert withHeadline(String headline) {
    Alert a = Alerts.failure();
    return new Alert(
        a.type(),
        a.namespace(),
        a.resourceName(),
        a.table(),
        headline,
        a.detail(),
        a.jobName(),
        a.occurredAt(),
        a.runbookUrl());
  }

  private static Alert withDetail(String detail) {
    Alert a = Alerts.failure();
    return new Alert(
        a.type(),
        a.namespace(),
        a.resourceName(),
        a.table(),
        a.headline(),
        detail,
        a.jobName(),
        a.occurredAt(),
        a.runbookUrl());
  }
}
