package io.dailycup.analytics.operator.validate;

import io.dailycup.analytics.operator.model.AlertsSpec;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshSpec;
import io.dailycup.analytics.operator.schedule.Durations;
import io.dailycup.analytics.operator.schedule.Schedule;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Checks what the CRD's schema cannot: cron syntax, the time zone, durations, addresses, and that
 * referenced Secrets exist with the keys the job and the alerts need. Secret values are only ever
 * tested, never put into a message.
 */
public final class SpecValidator {

  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,55}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final List<String> DATABASE_KEYS = List.of("url", "username", "password");
  private static final List<String> SMTP_KEYS = List.of("host", "port", "from");

  private final BiFunction<String, String, Optional<Secret>> secrets;

  /**
   * @param secrets finds a Secret by namespace and name
   */
  public SpecValidator(BiFunction<String, String, Optional<Secret>> secrets) {
    this.secrets = secrets;
  }

  /** The first problem found, or empty when the resource can be acted on. */
  public Optional<Problem> validate(AnalyticsRefresh refresh) {
    AnalyticsRefreshSpec spec = refresh.getSpec();
    if (spec == null) {
      return problem(StalledReason.InvalidSpec, "the resource has no spec");
    }
    return firstOf(
        () -> timeZone(spec),
        () -> schedule(spec),
        () -> fields(spec),
        () -> alerts(spec.getAlerts()),
        () -> databaseSecret(refresh.getMetadata().getNamespace(), spec),
        () -> alertSecrets(refresh.getMetadata().getNamespace(), spec.getAlerts()));
  }

  private Optional<Problem> timeZone(AnalyticsRefreshSpec spec) {
    try {
      ZoneId.of(spec.getTimeZone());
      return Optional.empty();
    } catch (DateTimeException | NullPointerException e) {
      return problem(
          StalledReason.InvalidTimeZone,
          "spec.timeZone '%s' is not an IANA time zone such as Europe/Amsterdam or UTC"
              .formatted(spec.getTimeZone()));
    }
  }

  private Optional<Problem> schedule(AnalyticsRefreshSpec spec) {
    try {
      Schedule.parse(spec.getSchedule(), ZoneId.of(spec.getTimeZone()));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return problem(StalledReason.InvalidSchedule, "spec.schedule: " + e.getMessage());
    }
  }

  /** What the schema also checks, for clusters or clients that skip it. */
  private Optional<Problem> fields(AnalyticsRefreshSpec spec) {
    if (spec.getDays() == null || spec.getDays() < 1 || spec.getDays() > 3650) {
      return problem(
          StalledReason.InvalidSpec, "spec.days must be between 1 and 3650, got " + spec.getDays());
    }
    if (spec.getMode() == null) {
      return problem(StalledReason.InvalidSpec, "spec.mode must be Incremental or Full");
    }
    if (spec.getDatabase() == null || spec.getDatabase().getSecretRef() == null) {
      return problem(StalledReason.InvalidSpec, "spec.database.secretRef.name is required");
    }
    for (String table : List.of(spec.getTables().getSource(), spec.getTables().getTarget())) {
      if (table == null || !TABLE.matcher(table).matches()) {
        return problem(
            StalledReason.InvalidSpec,
            "spec.tables: '%s' is not a plain table name (letters, digits, _; at most 56)"
                .formatted(table));
      }
    }
    return Optional.empty();
  }

  private Optional<Problem> alerts(AlertsSpec alerts) {
    if (alerts.getStaleAfter() != null) {
      try {
        Durations.parse(alerts.getStaleAfter());
      } catch (IllegalArgumentException e) {
        return problem(StalledReason.InvalidSpec, "spec.alerts.staleAfter: " + e.getMessage());
      }
    }
    if (alerts.getEmail() != null) {
      for (String address : Optional.ofNullable(alerts.getEmail().getTo()).orElse(List.of())) {
        if (!EMAIL.matcher(address).matches()) {
          return problem(
              StalledReason.InvalidSpec,
              "spec.alerts.email.to: '%s' is not an email address".formatted(address));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Problem> databaseSecret(String namespace, AnalyticsRefreshSpec spec) {
    String name = spec.getDatabase().getSecretRef().getName();
    Optional<Problem> missing =
        requireKeys(namespace, name, DATABASE_KEYS, "spec.database.secretRef");
    if (missing.isPresent()) {
      return missing;
    }
    String url = decode(secrets.apply(namespace, name).orElseThrow().getData(), "url");
    if (url != null && !url.startsWith("jdbc:mysql://")) {
      return problem(
          StalledReason.InvalidSpec,
          "Secret %s: key url must hold a jdbc:mysql:// URL".formatted(name));
    }
    return Optional.empty();
  }

  private Optional<Problem> alertSecrets(String namespace, AlertsSpec alerts) {
    if (alerts.getEmail() != null && alerts.getEmail().getSmtpSecretRef() != null) {
      Optional<Problem> smtp =
          requireKeys(
              namespace,
              alerts.getEmail().getSmtpSecretRef().getName(),
              SMTP_KEYS,
              "spec.alerts.email.smtpSecretRef");
      if (smtp.isPresent()) {
        return smtp;
      }
    }
    if (alerts.getSlack() != null && alerts.getSlack().getWebhookSecretRef() != null) {
      var ref = alerts.getSlack().getWebhookSecretRef();
      return requireKeys(
          namespace, ref.getName(), List.of(ref.getKey()), "spec.alerts.slack.webhookSecretRef");
    }
    return Optional.empty();
  }

  private Optional<Problem> requireKeys(
      String namespace, String name, List<String> keys, String field) {
    Optional<Secret> secret = secrets.apply(namespace, name);
    if (secret.isEmpty()) {
      return problem(
          StalledReason.SecretNotFound,
          "%s: Secret %s not found in namespace %s".formatted(field, name, namespace));
    }
    for (String key : keys) {
      String value = decode(secret.get().getData(), key);
      if (value == null || value.isEmpty()) {
        return problem(
            StalledReason.SecretKeyMissing,
            "%s: Secret %s has no key %s".formatted(field, name, key));
      }
    }
    return Optional.empty();
  }

  private static String decode(Map<String, String> data, String key) {
    if (data == null || data.get(key) == null) {
      return null;
    }
    return new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.UTF_8).strip();
  }

  @SafeVarargs
  private static Optional<Problem> firstOf(
      java.util.function.Supplier<Optional<Problem>>... checks) {
    for (var check : checks) {
      Optional<Problem> found = check.get();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Problem> problem(StalledReason reason, String message) {
    return Optional.of(new Problem(reason, message));
  }
}
