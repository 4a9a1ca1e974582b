package io.dailycup.analytics.e2e.harness;

/** AnalyticsRefresh documents as a user writes them for {@code kubectl apply}. */
public final class RefreshYaml {

  private RefreshYaml() {}

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
