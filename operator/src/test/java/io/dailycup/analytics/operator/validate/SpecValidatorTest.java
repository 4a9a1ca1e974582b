package io.dailycup.analytics.operator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.operator.model.AlertsSpec;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshSpec;
import io.dailycup.analytics.operator.model.DatabaseSpec;
import io.dailycup.analytics.operator.model.EmailAlertSpec;
import io.dailycup.analytics.operator.model.SecretKeyReference;
import io.dailycup.analytics.operator.model.SecretReference;
import io.dailycup.analytics.operator.model.SlackAlertSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

  private final Map<String, Secret> secrets = new HashMap<>();
  private final SpecValidator validator =
      new SpecValidator(
          (namespace, name) -> Optional.ofNullable(secrets.get(namespace + "/" + name)));

  @Test
  void aCompleteResourceIsValid() {
    secret("db", Map.of("url", "jdbc:mysql://db/x", "username", "u", "password", "p"));

    assertThat(validator.validate(refresh())).isEmpty();
  }

  @Test
  void aDatabaseUrlThatIsNotMysqlIsNamedWithoutItsValue() {
    secret("db", Map.of("url", "postgres://u:topsecret@db/x", "username", "u", "password", "p"));

    Optional<Problem> problem = validator.validate(refresh());

    assertThat(problem).get().extracting(Problem::reason).isEqualTo(StalledReason.InvalidSpec);
    assertThat(problem.get().message())
        .contains("key url must hold a jdbc:mysql:// URL")
        .doesNotContain("topsecret");
  }

  @Test
  void anEmptyKeyCountsAsMissing() {
    secret("db", Map.of("url", "jdbc:mysql://db/x", "username", "u", "password", ""));

    assertThat(validator.validate(refresh()))
        .get()
        .extracting(Problem::reason)
        .isEqualTo(StalledReason.SecretKeyMissing);
  }

  @Test
  void alertSecretsAndAddressesAreCheckedToo() {
    secret("db", Map.of("url", "jdbc:mysql://db/x", "username", "u", "password", "p"));
    AnalyticsRefresh refresh = refresh();
    AlertsSpec alerts = refresh.getSpec().getAlerts();
    SlackAlertSpec slack = new SlackAlertSpec();
    SecretKeyReference webhook = new SecretKeyReference();
    webhook.setName("slack");
    webhook.setKey("webhook");
    slack.setWebhookSecretRef(webhook);
    alerts.setSlack(slack);

    assertThat(validator.validate(refresh).orElseThrow().message())
        .contains("Secret slack not found");

    secret("slack", Map.of("webhook", "https://hooks.example/x"));
    EmailAlertSpec email = new EmailAlertSpec();
    email.setTo(List.of("ops@dailycup.example", "not an address"));
    email.setSmtpSecretRef(new SecretReference("smtp"));
    alerts.setEmail(email);
    secret("smtp", Map.of("host", "mail", "port", "587", "from", "ar@dailycup.example"));

    assertThat(validator.validate(refresh).orElseThrow().message())
        .contains("'not an address' is not an email address");
  }

  @Test
  void aStaleAfterThatIsNotADurationIsInvalid() {
    secret("db", Map.of("url", "jdbc:mysql://db/x", "username", "u", "password", "p"));
    AnalyticsRefresh refresh = refresh();
    refresh.getSpec().getAlerts().setStaleAfter("a day");

    assertThat(validator.validate(refresh).orElseThrow().message())
        .startsWith("spec.alerts.staleAfter");
  }

  private AnalyticsRefresh refresh() {
    AnalyticsRefresh refresh = new AnalyticsRefresh();
    refresh.setMetadata(new ObjectMetaBuilder().withName("r").withNamespace("ns").build());
    AnalyticsRefreshSpec spec = new AnalyticsRefreshSpec();
    spec.setSchedule("@daily");
    DatabaseSpec database = new DatabaseSpec();
    database.setSecretRef(new SecretReference("db"));
    spec.setDatabase(database);
    refresh.setSpec(spec);
    return refresh;
  }

  private void secret(String name, Map<String, String> values) {
    Map<String, String> data = new HashMap<>();
    values.forEach(
        (key, value) ->
            data.put(
                key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    secrets.put(
        "ns/" + name,
        new SecretBuilder().withNewMetadata().withName(name).endMetadata().withData(data).build());
  }
}
