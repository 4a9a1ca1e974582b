package io.dailycup.analytics.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  @Test
  void defaultsWatchEveryNamespaceWithoutLeaderElection() {
    OperatorSettings settings = OperatorSettings.fromEnvironment(Map.of());

    assertThat(settings.watchNamespaces()).isEmpty();
    assertThat(settings.leaderElection()).isFalse();
    assertThat(settings.httpPort()).isEqualTo(8080);
    assertThat(settings.staleReminder()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.jsonLogs()).isFalse();
    assertThat(settings.defaultJobImage()).isEqualTo(OperatorSettings.DEFAULT_JOB_IMAGE);
  }

  @Test
  void readsEverySettingFromTheEnvironment() {
    OperatorSettings settings =
        OperatorSettings.fromEnvironment(
            Map.of(
                "WATCH_NAMESPACES", "analytics, reporting ,",
                "DEFAULT_JOB_IMAGE", "registry/job:1",
                "METRICS_PORT", "9090",
                "STALE_REMINDER_INTERVAL", "6h",
                "LEADER_ELECTION", "TRUE",
                "OPERATOR_NAMESPACE", "ops",
                "POD_NAME", "op-0",
                "LOG_FORMAT", "json"));

    assertThat(settings.watchNamespaces()).containsExactlyInAnyOrder("analytics", "reporting");
    assertThat(settings)
        .extracting(
            "defaultJobImage",
            "httpPort",
            "leaderElection",
            "leaseNamespace",
            "identity",
            "jsonLogs")
        .containsExactly("registry/job:1", 9090, true, "ops", "op-0", true);
  }

  @Test
  void aWrongValueNamesItsVariable() {
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("LOG_FORMAT", "xml")))
        .hasMessage("LOG_FORMAT must be text or json, got 'xml'");
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("METRICS_PORT", "70000")))
        .hasMessageContaining("METRICS_PORT");
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("LEADER_ELECTION", "yes")))
        .hasMessageContaining("LEADER_ELECTION must be true or false");
  }

  @Test
  void readinessFollowsTheOperatorWhileLivenessOnlyNeedsTheProcess() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (HealthServer health = HealthServer.start(0, ready::get, () -> "")) {
      assertThat(status(health, "/healthz")).isEqualTo(200);
      assertThat(status(health, "/readyz")).isEqualTo(503);
      ready.set(true);
      assertThat(status(health, "/readyz")).isEqualTo(200);
    }
  }

  @Test
  void metricsAreServedInThePrometheusTextFormat() throws Exception {
    try (HealthServer health = HealthServer.start(0, () -> true, () -> "up 1.0\n")) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + health.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("text/plain; version=0.0.4; charset=utf-8");
      assertThat(response.body()).isEqualTo("up 1.0\n");
    }
  }

  private static int status(HealthServer health, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path)).build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
