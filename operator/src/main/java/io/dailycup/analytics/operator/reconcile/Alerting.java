package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.alert.Alert;
import io.dailycup.analytics.operator.alert.AlertChannel;
import io.dailycup.analytics.operator.alert.AlertDispatcher;
import io.dailycup.analytics.operator.alert.AlertType;
import io.dailycup.analytics.operator.alert.Delivery;
import io.dailycup.analytics.operator.alert.EmailChannel;
import io.dailycup.analytics.operator.alert.RetryPolicy;
import io.dailycup.analytics.operator.alert.SlackChannel;
import io.dailycup.analytics.operator.alert.Sleeper;
import io.dailycup.analytics.operator.alert.SmtpSettings;
import io.dailycup.analytics.operator.metrics.RefreshMetrics;
import io.dailycup.analytics.operator.model.AlertDelivery;
import io.dailycup.analytics.operator.model.AlertEvent;
import io.dailycup.analytics.operator.model.AlertsSpec;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a resource's alerts to the channels its spec configures, each on its own (one failing never
 * blocks the other), and reports every delivery: in status, as a metric, and as a Warning Event
 * when it failed. A failed delivery is reported, not retried later: the state change it was about
 * is already in the status.
 */
public class Alerting {

  private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);
  private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(10);

  private final SecretValues secrets;
  private final OkHttpClient http;
  private final AlertDispatcher dispatcher;
  private final RetryPolicy retries;
  private final EventRecorder events;
  private final RefreshMetrics metrics;
  private final String runbookUrl;

  public Alerting(
      SecretValues secrets,
      OkHttpClient http,
      AlertDispatcher dispatcher,
      RetryPolicy retries,
      EventRecorder events,
      RefreshMetrics metrics,
      String runbookUrl) {
    this.secrets = secrets;
    this.http = http;
    this.dispatcher = dispatcher;
    this.retries = retries;
    this.events = events;
    this.metrics = metrics;
    this.runbookUrl = runbookUrl;
  }

  /** Whether the spec wants alerts for {@code event}: all three when {@code alerts.on} is empty. */
  static boolean wanted(AnalyticsRefresh refresh, AlertEvent event) {
    List<AlertEvent> on = refresh.getSpec().getAlerts().getOn();
    return on == null || on.isEmpty() || on.contains(event);
  }

  /**
   * Sends an alert to every configured channel; returns what became of it on each (empty when no
   * channel is configured).
   */
  public List<Delivery> send(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      AlertType type,
      String headline,
      String detail,
      String jobName,
      Instant now) {
    List<AlertChannel> channels = new ArrayList<>();
    List<Delivery> unusable = new ArrayList<>();
    channels(refresh, channels, unusable);
    Alert alert =
        new Alert(
            type,
            refresh.getMetadata().getNamespace(),
            refresh.getMetadata().getName(),
            refresh.getSpec().getTables().getTarget(),
            headline,
            detail,
            jobName,
            now,
            runbookUrl == null || runbookUrl.isBlank() ? null : runbookUrl);
    List<Delivery> deliveries = new ArrayList<>(unusable);
    deliveries.addAll(dispatcher.dispatch(alert, channels));
    report(refresh, status, type, deliveries, now);
    return deliveries;
  }

  private void channels(
      AnalyticsRefresh refresh, List<AlertChannel> channels, List<Delivery> unusable) {
    AlertsSpec alerts = refresh.getSpec().getAlerts();
    String namespace = refresh.getMetadata().getNamespace();
    if (alerts.getSlack() != null) {
      var ref = alerts.getSlack().getWebhookSecretRef();
      Optional<String> webhook =
          secrets.read(namespace, ref.getName()).map(data -> data.get(ref.getKey()));
      if (webhook.isEmpty() || webhook.get().isBlank()) {
        unusable.add(
            new Delivery(
                "slack",
                false,
                0,
                "Secret %s or its key %s is missing".formatted(ref.getName(), ref.getKey())));
      } else {
        try {
          channels.add(new SlackChannel(http, webhook.get().strip(), retries, Sleeper.REAL));
        } catch (IllegalArgumentException e) {
          unusable.add(
              new Delivery(
                  "slack",
                  false,
                  0,
                  "the value of %s in Secret %s is not a URL"
                      .formatted(ref.getKey(), ref.getName())));
        }
      }
    }
    if (alerts.getEmail() != null) {
      String secretName = alerts.getEmail().getSmtpSecretRef().getName();
      Optional<Map<String, String>> smtp = secrets.read(namespace, secretName);
      try {
        SmtpSettings settings =
            SmtpSettings.fromSecret(
                smtp.orElseThrow(
                    () -> new IllegalArgumentException("Secret " + secretName + " not found")));
        channels.add(new EmailChannel(settings, alerts.getEmail().getTo(), SMTP_TIMEOUT));
      } catch (IllegalArgumentException e) {
        unusable.add(new Delivery("email", false, 0, e.getMessage()));
      }
    }
  }

  private void report(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      AlertType type,
      List<Delivery> deliveries,
      Instant now) {
    RefreshMetrics.ResourceKey key =
        new RefreshMetrics.ResourceKey(
            refresh.getMetadata().getNamespace(), refresh.getMetadata().getName());
    List<AlertDelivery> recorded = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      String typeName = Names.display(type);
      metrics.alert(
          key, delivery.channel(), typeName, delivery.delivered() ? "delivered" : "failed");
      recorded.add(recorded(delivery, typeName, now));
      if (!delivery.delivered()) {
        events.warning(
            refresh,
            "AlertDeliveryFailed",
            "%s alert to %s failed: %s".formatted(typeName, delivery.channel(), delivery.detail()));
        LOG.info("{} alert to {} failed: {}", typeName, delivery.channel(), delivery.detail());
      }
    }
    if (!recorded.isEmpty()) {
      status.setLastAlertDeliveries(recorded);
    }
  }

  private static AlertDelivery recorded(Delivery delivery, String type, Instant now) {
    AlertDelivery recorded = new AlertDelivery();
    recorded.setChannel(delivery.channel());
    recorded.setType(type);
    recorded.setDelivered(delivery.delivered());
    recorded.setDetail(delivery.detail());
    recorded.setTime(Times.format(now));
    return recorded;
  }
}
