package io.dailycup.analytics.operator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackChannelTest {

  private static final String SECRET_PATH = "/services/T0SECRET01/B0SECRET02/xoxbTopSecretToken42";
  private static final RetryPolicy POLICY =
      new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30));

  @StartStop private final MockWebServer slack = new MockWebServer();

  private final Alerts.RecordingSleeper sleeper = new Alerts.RecordingSleeper();

  @Test
  void postsJsonWithTextAndBlocksThatSayWhatHappenedWhereAndHowToLookFurther() throws Exception {
    slack.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    Delivery delivery = channel(Duration.ofSeconds(5)).send(Alerts.failure());

    assertThat(delivery).isEqualTo(new Delivery("slack", true, 1, "HTTP 200 ok"));
    RecordedRequest request = slack.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode json = new ObjectMapper().readTree(request.getBody().utf8());
    assertThat(json.get("text").asText())
        .isEqualTo("FAILED analytics/nightly: The refresh run failed");
    assertThat(json.get("blocks").isArray()).isTrue();
    assertThat(json.get("blocks").toString())
        .contains("analytics/nightly")
        .contains("analytics_integration_messages_daily_mat")
        .contains("Access denied for user 'refresh' &lt;a&amp;b&gt;")
        .contains("kubectl logs job/nightly-29412345 -n analytics")
        .contains("kubectl describe ar/nightly -n analytics")
        .contains(Alerts.RUNBOOK);
  }

  @Test
  void leavesOutTheJobLogsHintAndRunbookWhenTheAlertHasNone() throws Exception {
    slack.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    channel(Duration.ofSeconds(5)).send(Alerts.stale());

    String blocks = new ObjectMapper().readTree(slack.takeRequest().getBody().utf8()).toString();
    assertThat(blocks).contains("kubectl describe ar/nightly -n analytics");
    assertThat(blocks).doesNotContain("kubectl logs").doesNotContain("Runbook");
  }

  @Test
  void waitsForRetryAfterWhenRateLimitedThenDelivers() {
    slack.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    slack.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    Delivery delivery = channel(Duration.ofSeconds(5)).send(Alerts.failure());

    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.attempts()).isEqualTo(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(slack.getRequestCount()).isEqualTo(2);
  }

  @Test
  void capsARetryAfterLongerThanThePolicyAllows() {
    slack.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
    slack.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    channel(Duration.ofSeconds(5)).send(Alerts.failure());

    assertThat(sleeper.waits).containsExactly(POLICY.maxRetryAfter());
  }

  @Test
  void backsOffWhenRateLimitedWithoutRetryAfter() {
    slack.enqueue(new MockResponse.Builder().code(429).build());
    slack.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    channel(Duration.ofSeconds(5)).send(Alerts.failure());

    assertThat(sleeper.waits).containsExactly(POLICY.initialBackoff());
  }

  @Test
  void retriesServerErrorsWithGrowingBackoffAndReportsTheLastStatus() {
    for (int i = 0; i < POLICY.maxAttempts(); i++) {
      slack.enqueue(new MockResponse.Builder().code(500).body("internal_error").build());
    }

    Delivery delivery = channel(Duration.ofSeconds(5)).send(Alerts.failure());

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(delivery.detail()).contains("HTTP 500").contains("gave up after 3 attempts");
    assertThat(slack.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @CsvSource({"404, no_service", "400, invalid_payload", "403, action_prohibited"})
  void reportsOtherClientErrorsAtOnceWithoutRetrying(int status, String error) {
    slack.enqueue(new MockResponse.Builder().code(status).body(error).build());
    slack.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    Delivery delivery = channel(Duration.ofSeconds(5)).send(Alerts.failure());

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.detail()).isEqualTo("HTTP " + status + " " + error + " (not retried)");
    assertThat(slack.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void givesUpOnAServerThatNeverAnswersWithinTheTimeout() {
    slack.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    slack.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    slack.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    long start = System.nanoTime();
    Delivery delivery = channel(Duration.ofMillis(300)).send(Alerts.failure());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(delivery.detail()).contains("timed out");
  }

  @Test
  void givesUpOnABodyThatTricklesInSlowerThanTheTimeout() {
    MockResponse trickle =
        new MockResponse.Builder()
            .code(200)
            .body("o".repeat(1000))
            .throttleBody(1, 1, TimeUnit.SECONDS)
            .build();
    for (int i = 0; i < POLICY.maxAttempts(); i++) {
      slack.enqueue(trickle);
    }

    long start = System.nanoTime();
    Delivery delivery = channel(Duration.ofMillis(300)).send(Alerts.failure());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.detail()).contains("timed out");
  }

  @Test
  void neverPutsTheWebhookUrlIntoTheDetail() {
    slack.enqueue(
        new MockResponse.Builder()
            .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
            .build());
    slack.enqueue(new MockResponse.Builder().code(500).body(SECRET_PATH).build());
    slack.enqueue(new MockResponse.Builder().code(404).body(webhookUrl()).build());

    Delivery delivery = channel(Duration.ofSeconds(5)).send(Alerts.failure());

    assertThat(delivery.detail())
        .isEqualTo("HTTP 404 (not retried)")
        .doesNotContain("xoxbTopSecretToken42")
        .doesNotContain("services");
  }

  @Test
  void retriesARefusedConnectionAndReportsItWithoutTheUrl() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + SECRET_PATH;

    Delivery delivery =
        new SlackChannel(SlackChannel.defaultClient(Duration.ofSeconds(2)), url, POLICY, sleeper)
            .send(Alerts.failure());

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(delivery.detail())
        .startsWith("ConnectException")
        .doesNotContain("T0SECRET01")
        .doesNotContain("B0SECRET02")
        .doesNotContain("xoxbTopSecretToken42");
  }

  @Test
  void stopsAndKeepsTheInterruptWhenInterruptedWhileWaiting() {
    slack.enqueue(new MockResponse.Builder().code(503).build());
    Sleeper interrupted =
        d -> {
          throw new InterruptedException();
        };
    SlackChannel channel =
        new SlackChannel(
            SlackChannel.defaultClient(Duration.ofSeconds(5)), webhookUrl(), POLICY, interrupted);

    Delivery delivery = channel.send(Alerts.failure());

    assertThat(Thread.interrupted()).isTrue();
    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.detail()).contains("HTTP 503").contains("interrupted");
    assertThat(slack.getRequestCount()).isEqualTo(1);
  }

  private SlackChannel channel(Duration timeout) {
    OkHttpClient client = SlackChannel.defaultClient(timeout);
    return new SlackChannel(client, webhookUrl(), POLICY, sleeper);
  }

  /** A port nothing listens on: bound by the system, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private String webhookUrl() {
    return slack.url(SECRET_PATH).toString();
  }
}
