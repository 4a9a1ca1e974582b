package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes Kubernetes Events about a resource, so that {@code kubectl describe} shows what the
 * operator did and what the user must fix. An Event that cannot be written is logged and otherwise
 * ignored: it never blocks a reconcile.
 */
public class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  /** The API server refuses longer messages. */
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;

  public EventRecorder(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  public void normal(AnalyticsRefresh refresh, String reason, String message) {
    record(refresh, "Normal", reason, message);
  }

  public void warning(AnalyticsRefresh refresh, String reason, String message) {
    record(refresh, "Warning", reason, message);
  }

  private void record(AnalyticsRefresh refresh, String type, String reason, String message) {
    String now = Times.format(clock.instant());
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(eventName(refresh, clock.instant()))
            .withNamespace(refresh.getMetadata().getNamespace())
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(refresh.getApiVersion())
            .withKind(refresh.getKind())
            .withName(refresh.getMetadata().getName())
            .withNamespace(refresh.getMetadata().getNamespace())
            .withUid(refresh.getMetadata().getUid())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(
                message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message)
            .withNewSource()
            .withComponent(Labels.OPERATOR)
            .endSource()
            .withReportingComponent(Labels.OPERATOR)
            .withReportingInstance(instance)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .build();
    try {
      client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn("could not record the {} event {}: {}", type, reason, e.getMessage());
    }
  }

  /** Unique per event, in the style of client-go: the object's name and a hex suffix. */
  private static String eventName(AnalyticsRefresh refresh, Instant now) {
    long suffix = now.toEpochMilli() * 1000 + ThreadLocalRandom.current().nextInt(1000);
    return refresh.getMetadata().getName() + "." + Long.toHexString(suffix);
  }
}
