package io.dailycup.analytics.e2e.harness;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** AnalyticsRefresh documents as a user writes them for {@code kubectl apply}. */
public final class RefreshYaml {

  private RefreshYaml() {}

  /**
   * A daily schedule (UTC) twelve hours from now: no scheduled run starts while a scenario counts
   * runs, alerts or audit rows, whenever the suite runs.
   */
  public static String dailyFarFromNow() {
    ZonedDateTime later = ZonedDateTime.now(ZoneOffset.UTC).plusHours(12);
    return "%d %d * * *".formatted(later.getMinute(), later.getHour());
  }

  /** An incremental refresh of the last three UTC days from the Secret {@code db}. */
  public static String incremental(String name, String schedule) {
    return incremental(name, schedule, "");
  }

  /**
   * The same, with more spec lines (indented by four spaces), e.g. {@link AlertSinks#alertsYaml}.
   */
  public static String incremental(String name, String schedule, String moreSpec) {
    return """
        apiVersion: analytics.dailycup.io/v1alpha1
        kind: AnalyticsRefresh
        metadata:
          name: %s
        spec:
          schedule: "%s"
          timeZone: UTC
          mode: Incremental
          days: 3
          database:
            secretRef:
              name: db
        %s"""
        .formatted(name, schedule, moreSpec);
  }
}
