package io.dailycup.analytics.operator;

import io.dailycup.analytics.operator.schedule.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's settings, from the environment the Helm chart sets.
 *
 * @param watchNamespaces namespaces to watch; empty means all
 * @param defaultJobImage the refresh job image of resources that name none
 * @param httpPort port of {@code /metrics}, {@code /healthz} and {@code /readyz}
 * @param leaderElection whether replicas elect a leader through a Lease
 * @param leaseNamespace namespace of that Lease (the operator's own)
 * @param identity this replica's name in Events and the Lease (the Pod name)
 * @param jsonLogs whether logs are JSON lines instead of text
 * @param staleReminder how often a refresh that stays stale alerts again
 * @param runbookUrl the page alerts link to for what to do; none when empty
 */
public record OperatorSettings(
    Set<String> watchNamespaces,
    String defaultJobImage,
    int httpPort,
    boolean leaderElection,
    String leaseNamespace,
    String identity,
    boolean jsonLogs,
    Duration staleReminder,
    String runbookUrl) {

  public static final String DEFAULT_JOB_IMAGE = "ghcr.io/dailycup/analytics-refresh-job:0.1.0";

  /**
   * Reads {@code WATCH_NAMESPACES} (comma separated), {@code DEFAULT_JOB_IMAGE}, {@code
   * METRICS_PORT}, {@code LEADER_ELECTION}, {@code OPERATOR_NAMESPACE}, {@code POD_NAME}, {@code
   * LOG_FORMAT} ({@code text} or {@code json}), {@code STALE_REMINDER_INTERVAL} and {@code
   * RUNBOOK_URL}.
   *
   * @throws IllegalArgumentException naming the variable that is wrong
   */
  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    return new OperatorSettings(
        namespaces(env.getOrDefault("WATCH_NAMESPACES", "")),
        env.getOrDefault("DEFAULT_JOB_IMAGE", DEFAULT_JOB_IMAGE),
        port(env.getOrDefault("METRICS_PORT", "8080")),
        flag("LEADER_ELECTION", env.getOrDefault("LEADER_ELECTION", "false")),
        env.getOrDefault("OPERATOR_NAMESPACE", "default"),
        env.getOrDefault("POD_NAME", "analytics-refresh-operator"),
        logFormat(env.getOrDefault("LOG_FORMAT", "text")),
        reminder(env.getOrDefault("STALE_REMINDER_INTERVAL", "24h")),
        env.getOrDefault("RUNBOOK_URL", ""));
  }

  private static Set<String> namespaces(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text.strip());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("METRICS_PORT must be a port number, got '" + text + "'");
  }

  private static Duration reminder(String text) {
    try {
      return Durations.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("STALE_REMINDER_INTERVAL: " + e.getMessage());
    }
  }

  private static boolean flag(String name, String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be true or false, got '" + text + "'");
    };
  }

  private static boolean logFormat(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> true;
      case "text" -> false;
      default ->
          throw new IllegalArgumentException("LOG_FORMAT must be text or json, got '" + text + "'");
    };
  }
}
