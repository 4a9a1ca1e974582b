package io.dailycup.analytics.e2e.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * Where a scenario's alerts arrive: a Slack stand-in answering every webhook call with 200 and an
 * SMTP server, with the two Secrets that point an AnalyticsRefresh at them.
 */
public final class AlertSinks implements AutoCloseable {

  public static final String SLACK_SECRET = "slack";
  public static final String SMTP_SECRET = "smtp";

  private final MockWebServer slack = new MockWebServer();
  private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  private final List<String> slackBodies = new ArrayList<>();

  public AlertSinks() throws IOException {
    slack.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse(200, Headers.of(), "ok");
          }
        });
    slack.start();
    mail.start();
  }

  /** Creates the Slack and SMTP Secrets in {@code namespace}. */
  public void createSecrets(Namespace namespace) {
    namespace.secret(
        SLACK_SECRET,
        Map.of("webhook", slack.url("/services/T000/B000/e2e-webhook-secret").toString()));
    namespace.secret(
        SMTP_SECRET,
        Map.of(
            "host", "127.0.0.1",
            "port", String.valueOf(mail.getSmtp().getPort()),
            "security", "none",
            "from", "analytics@dailycup.example"));
  }

  /** The YAML of an {@code alerts:} block using both channels, indented for a spec. */
  public static String alertsYaml() {
    return """
          alerts:
            slack:
              webhookSecretRef:
                name: %s
                key: webhook
            email:
              to: [oncall@dailycup.example]
              smtpSecretRef:
                name: %s
        """
        .formatted(SLACK_SECRET, SMTP_SECRET);
  }

  /** Every Slack message body received so far. */
  public synchronized List<String> slackMessages() throws InterruptedException {
    RecordedRequest request;
    while ((request = slack.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      slackBodies.add(request.getBody() == null ? "" : request.getBody().utf8());
    }
    return List.copyOf(slackBodies);
  }

  public List<MimeMessage> emails() {
    return List.of(mail.getReceivedMessages());
  }

  @Override
  public void close() {
    mail.stop();
    slack.close();
  }
}
