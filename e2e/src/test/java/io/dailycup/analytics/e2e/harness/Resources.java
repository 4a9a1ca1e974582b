package io.dailycup.analytics.e2e.harness;

import io.dailycup.analytics.operator.model.AlertsSpec;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshSpec;
import io.dailycup.analytics.operator.model.DatabaseSpec;
import io.dailycup.analytics.operator.model.SecretKeyReference;
import io.dailycup.analytics.operator.model.SecretReference;
import io.dailycup.analytics.operator.model.SlackAlertSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;

/** AnalyticsRefresh objects for the client API, where YAML through kubectl would be slow. */
public final class Resources {

  private Resources() {}

  /**
   * A nightly refresh reading the database Secret {@code databaseSecret}, alerting on Slack through
   * the Secret {@code slackSecret} (key {@code webhook}) when that is not null; its failed runs are
   * not retried.
   */
  public static AnalyticsRefresh refresh(
      String namespace, String name, String databaseSecret, String slackSecret) {
    AnalyticsRefresh refresh = new AnalyticsRefresh();
    refresh.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withAnnotations(new HashMap<>())
            .build());
    AnalyticsRefreshSpec spec = new AnalyticsRefreshSpec();
    spec.setSchedule(RefreshYaml.dailyFarFromNow());
    spec.setTimeZone("UTC");
    spec.setDays(3);
    DatabaseSpec database = new DatabaseSpec();
    database.setSecretRef(new SecretReference(databaseSecret));
    spec.setDatabase(database);
    spec.getJob().setBackoffLimit(0);
    if (slackSecret != null) {
      AlertsSpec alerts = spec.getAlerts();
      SlackAlertSpec slack = new SlackAlertSpec();
      SecretKeyReference webhook = new SecretKeyReference();
      webhook.setName(slackSecret);
      webhook.setKey("webhook");
      slack.setWebhookSecretRef(webhook);
      alerts.setSlack(slack);
    }
    refresh.setSpec(spec);
    return refresh;
  }
}
