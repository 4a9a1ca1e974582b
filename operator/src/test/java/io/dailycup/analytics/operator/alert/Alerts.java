package io.dailycup.analytics.operator.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sample alerts and a sleeper that records instead of waiting, shared by the alert tests. */
final class Alerts {

  static final String RUN_MESSAGE = "database error: Access denied for user 'refresh' <a&b>";
  static final String RUNBOOK = "https://runbooks.example.com/analytics-refresh#failed";

  private Alerts() {}

  static Alert failure() {
    return new Alert(
        AlertType.FAILURE,
        "analytics",
        "nightly",
        "analytics_integration_messages_daily_mat",
        "The refresh run failed",
        RUN_MESSAGE,
        "nightly-29412345",
        Instant.parse("2026-12-03T03:00:12Z"),
        RUNBOOK);
  }

  static Alert stale() {
    return new Alert(
        AlertType.STALE,
        "analytics",
        "nightly",
        "analytics_integration_messages_daily_mat",
        "No run succeeded for 26h",
        null,
        null,
        Instant.parse("2026-12-03T05:00:00Z"),
        null);
  }

  /** Records every wait it is asked for and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration d) {
      waits.add(d);
    }
  }
}
