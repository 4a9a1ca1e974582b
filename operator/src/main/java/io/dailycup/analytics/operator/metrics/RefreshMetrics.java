package io.dailycup.analytics.operator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The per-resource series of {@code /metrics}, labelled {@code namespace} and {@code name}: what a
 * dashboard or alert rule needs to see a refresh's health without reading its status. The old
 * wrapper's textfile metrics map onto them (see docs/monitoring.md).
 */
public class RefreshMetrics {

  static final String PREFIX = "analytics_refresh_";

  private static final List<String> RESULTS = List.of("Succeeded", "Failed", "Skipped");
  private static final List<String> TRIGGERS = List.of("Scheduled", "Manual");
  private static final List<String> ALERT_TYPES = List.of("Failure", "Stale", "Recovery", "Test");
  private static final List<String> DELIVERIES = List.of("delivered", "failed");

  private final MeterRegistry registry;
  private final Map<ResourceKey, Values> resources = new ConcurrentHashMap<>();

  public RefreshMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Identifies a resource's series. */
  public record ResourceKey(String namespace, String name) {
    Tags tags() {
      return Tags.of("namespace", namespace, "name", name);
    }
  }

  public void lastSuccess(ResourceKey key, Instant at) {
    values(key).lastSuccess.set(seconds(at));
  }

  public void lastFailure(ResourceKey key, Instant at) {
    values(key).lastFailure.set(seconds(at));
  }

  public void lastRun(ResourceKey key, Double durationSeconds, Long rows) {
    Values values = values(key);
    if (durationSeconds != null) {
      values.lastRunDuration.set(durationSeconds);
    }
    if (rows != null) {
      values.lastRunRows.set(rows.doubleValue());
    }
  }

  public void stale(ResourceKey key, boolean stale) {
    values(key).stale.set(stale ? 1.0 : 0.0);
  }

  /** Whether the resource is Stalled: its spec or a Secret it names cannot be acted on. */
  public void stalled(ResourceKey key, boolean stalled) {
    values(key).stalled.set(stalled ? 1.0 : 0.0);
  }

  public void expectedInterval(ResourceKey key, Duration interval) {
    values(key).expectedInterval.set(interval.toMillis() / 1000.0);
  }

  public void auditPending(ResourceKey key, int rows) {
    values(key).auditPending.set((double) rows);
  }

  /** One finished run: {@code result} Succeeded, Failed or Skipped; trigger Scheduled or Manual. */
  public void runFinished(ResourceKey key, String result, String trigger) {
    values(key);
    runs(key, result, trigger).increment();
  }

  /**
   * Creates the alert counters of the channels a resource uses, at 0. Only those: at 16 series a
   * channel pair, counters for unused channels would be most of a large installation's series.
   */
  public void alertChannels(ResourceKey key, Collection<String> channels) {
    Values values = values(key);
    for (String channel : channels) {
      if (values.alertChannels.add(channel)) {
        for (String type : ALERT_TYPES) {
          DELIVERIES.forEach(result -> alerts(key, channel, type, result));
        }
      }
    }
  }

  /** One alert delivery attempt's outcome: {@code result} delivered or failed. */
  public void alert(ResourceKey key, String channel, String type, String result) {
    values(key);
    alerts(key, channel, type, result).increment();
  }

  /** Removes every series of a deleted resource. */
  public void forget(ResourceKey key) {
    resources.remove(key);
    for (Meter meter : registry.getMeters()) {
      Meter.Id id = meter.getId();
      if (id.getName().startsWith(PREFIX)
          && key.namespace().equals(id.getTag("namespace"))
          && key.name().equals(id.getTag("name"))) {
        registry.remove(meter);
      }
    }
  }

  private Values values(ResourceKey key) {
    return resources.computeIfAbsent(key, this::register);
  }

  private Values register(ResourceKey key) {
    Values values = new Values();
    gauge(
        key,
        "last_success_timestamp_seconds",
        "Unix time of the last successful run",
        values.lastSuccess);
    gauge(
        key,
        "last_failure_timestamp_seconds",
        "Unix time of the last failed run",
        values.lastFailure);
    gauge(
        key,
        "last_run_duration_seconds",
        "Duration of the last finished run",
        values.lastRunDuration);
    gauge(key, "last_run_rows", "Summary rows the last finished run wrote", values.lastRunRows);
    gauge(key, "stale", "1 while no run succeeded within staleAfter", values.stale);
    gauge(
        key, "stalled", "1 while the spec or a Secret it names cannot be acted on", values.stalled);
    gauge(
        key,
        "expected_interval_seconds",
        "Longest interval between scheduled runs",
        values.expectedInterval);
    gauge(key, "audit_pending", "Audit rows waiting for the database", values.auditPending);
    startCountersAtZero(key);
    return values;
  }

  /**
   * Creates the run counters of a resource at 0, so that {@code increase()} sees the first failed
   * run too (a series born at 1 has no increase). {@link #alertChannels} does the same for alerts.
   */
  private void startCountersAtZero(ResourceKey key) {
    for (String trigger : TRIGGERS) {
      RESULTS.forEach(result -> runs(key, result, trigger));
    }
  }

  private Counter runs(ResourceKey key, String result, String trigger) {
    return Counter.builder(PREFIX + "runs_total")
        .description("Finished refresh runs")
        .tags(key.tags().and("result", result, "trigger", trigger))
        .register(registry);
  }

  private Counter alerts(ResourceKey key, String channel, String type, String result) {
    return Counter.builder(PREFIX + "alerts_total")
        .description("Alert deliveries by channel, alert type and result")
        .tags(key.tags().and("channel", channel, "type", type, "result", result))
        .register(registry);
  }

  private void gauge(
      ResourceKey key, String name, String description, AtomicReference<Double> value) {
    Gauge.builder(PREFIX + name, value, AtomicReference::get)
        .description(description)
        .tags(key.tags())
        .register(registry);
  }

  private static double seconds(Instant at) {
    return at.toEpochMilli() / 1000.0;
  }

  /** The current values behind one resource's gauges. */
  private static final class Values {
    final Set<String> alertChannels = ConcurrentHashMap.newKeySet();
    final AtomicReference<Double> lastSuccess = new AtomicReference<>(Double.NaN);
    final AtomicReference<Double> lastFailure = new AtomicReference<>(Double.NaN);
    final AtomicReference<Double> lastRunDuration = new AtomicReference<>(Double.NaN);
    final AtomicReference<Double> lastRunRows = new AtomicReference<>(Double.NaN);
    final AtomicReference<Double> stale = new AtomicReference<>(0.0);
    final AtomicReference<Double> stalled = new AtomicReference<>(0.0);
    final AtomicReference<Double> expectedInterval = new AtomicReference<>(Double.NaN);
    final AtomicReference<Double> auditPending = new AtomicReference<>(0.0);
  }
}
