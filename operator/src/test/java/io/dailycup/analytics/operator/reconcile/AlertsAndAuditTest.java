package io.dailycup.analytics.operator.reconcile;

import static io.dailycup.analytics.operator.reconcile.OperatorHarness.NAMESPACE;
import static io.dailycup.analytics.operator.reconcile.OperatorHarness.refresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dailycup.analytics.operator.audit.AuditDatabase;
import io.dailycup.analytics.operator.audit.AuditTestServer;
import io.dailycup.analytics.operator.model.AlertsSpec;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.EmailAlertSpec;
import io.dailycup.analytics.operator.model.SecretKeyReference;
import io.dailycup.analytics.operator.model.SecretReference;
import io.dailycup.analytics.operator.model.SlackAlertSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Alerts and audit rows end to end in the operator: a real HTTP server stands in for Slack,
 * GreenMail for SMTP, MariaDB holds the audit table; Kubernetes is the mock server.
 */
@EnableKubernetesMockClient(crud = true)
class AlertsAndAuditTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String DB_PASSWORD = "db-pass-never-shown";
  private static final String SMTP_PASSWORD = "smtp-pass-never-shown";
  private static final String WEBHOOK_SECRET = "B0000000/XXXXwebhookSECRETxxxx";
  private static final AtomicInteger NAMES = new AtomicInteger();

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("smtp-user", SMTP_PASSWORD));

  @StartStop private final MockWebServer slack = new MockWebServer();

  KubernetesClient client;
  private OperatorHarness operator;
  private JobSimulator jobs;
  private AuditDatabase audit;
  private ListAppender<ILoggingEvent> logs;
  private String name;

  @BeforeEach
  void start() {
    logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    audit = AuditTestServer.get().createDatabase("alerts");
    operator = new OperatorHarness(client).start();
    jobs = new JobSimulator(client, operator.clock());
    name = "alerted-" + NAMES.incrementAndGet();
  }

  @AfterEach
  void stop() {
    operator.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    AuditTestServer.get().dropDatabase(audit);
  }

  @Test
  void aFailedRunAlertsOnceOnEachChannelAndIsAuditedOnceAcrossARestart() throws Exception {
    CronJob cronJob = createAlertedRefresh(audit.url());
    jobs.startScheduled(cronJob, name + "-1");
    jobs.finish(
        NAMESPACE,
        name + "-1",
        false,
        "{\"result\":\"Failed\",\"exitCode\":1,\"message\":\"cannot connect to the database\"}");

    await().atMost(WAIT).untilAsserted(this::assertOneFailureAlertedAndAudited);
    String slackBody = slack.takeRequest().getBody().utf8();
    assertThat(slackBody)
        .contains(name, "cannot connect to the database", "kubectl logs job/" + name + "-1");
    assertThat(MAIL.getReceivedMessages()[0].getSubject())
        .contains("FAILED", NAMESPACE + "/" + name);

    operator.restart();
    poke("after-restart");

    await()
        .during(Duration.ofSeconds(2))
        .atMost(WAIT)
        .untilAsserted(this::assertOneFailureAlertedAndAudited);
    assertNoSecretAnywhere();
  }

  @Test
  void aLogTailThatPrintsCredentialsReachesNoStatusEventAlertOrAuditRowUnmasked() throws Exception {
    CronJob cronJob = createAlertedRefresh(audit.url());
    jobs.startScheduled(cronJob, name + "-1");
    // What a custom image might print before dying: not the job's JSON, so the operator reads
    // the log tail (FallbackToLogsOnError), whose last line is the run's message.
    jobs.finish(
        NAMESPACE,
        name + "-1",
        false,
        "connecting as root\nfailed: jdbc:mysql://root:"
            + DB_PASSWORD
            + "@db:3306/x?sslKeyPassword=keystore-pass refused; retry with password="
            + DB_PASSWORD
            + " (using password: YES)");

    await().atMost(WAIT).untilAsserted(this::assertOneFailureAlertedAndAudited);
    // The alert and the audit row go out before the status patch that records the run.
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(operator.get(name).getStatus().getLastRun()).isNotNull());
    assertThat(operator.get(name).getStatus().getLastRun().getMessage())
        .isEqualTo(
            "failed: jdbc:mysql://root:[redacted]@db:3306/x?sslKeyPassword=[redacted] refused;"
                + " retry with password=[redacted] (using password: YES)");
    assertThat(slack.takeRequest().getBody().utf8())
        .contains("jdbc:mysql://root:[redacted]@db")
        .doesNotContain(DB_PASSWORD, "keystore-pass");
    assertThat(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]))
        .doesNotContain(DB_PASSWORD, "keystore-pass");
    assertThat(auditDetails("ANALYTICS_MATERIALIZED_REFRESH_FAILED"))
        .contains("[redacted]")
        .doesNotContain(DB_PASSWORD, "keystore-pass");
    assertNoSecretAnywhere();
  }

  @Test
  void aRefreshStalledByAMissingSecretStillRecordsAlertsAndAuditsItsRuns() throws Exception {
    CronJob cronJob = createAlertedRefresh(audit.url());
    client.secrets().inNamespace(NAMESPACE).withName(name + "-smtp").delete();
    poke("smtp-secret-gone");
    awaitStalledBy("SecretNotFound");

    jobs.startScheduled(cronJob, name + "-1");
    jobs.finish(NAMESPACE, name + "-1", false, null);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(slack.getRequestCount()).isEqualTo(1);
              assertThat(operator.get(name).getStatus().getConsecutiveFailures()).isEqualTo(1);
              assertThat(operator.events(name))
                  .anySatisfy(
                      event -> {
                        assertThat(event.getReason()).isEqualTo("AlertDeliveryFailed");
                        assertThat(event.getMessage()).contains("email");
                      });
              assertThat(auditRows("ANALYTICS_MATERIALIZED_REFRESH_FAILED")).isEqualTo(1);
            });
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRefreshWhoseDatabaseSecretIsDeletedStillAlertsWhenItGoesStale() throws Exception {
    createAlertedRefresh(audit.url());
    await().atMost(WAIT).until(() -> operator.get(name).getStatus() != null);
    // Its Jobs' pods could not even start now: a run would fail only at its deadline.
    client.secrets().inNamespace(NAMESPACE).withName(name + "-db").delete();
    poke("database-secret-gone");
    awaitStalledBy("SecretNotFound");

    operator.clock().advance(Duration.ofHours(51));
    poke("stale");

    await().atMost(WAIT).until(() -> slack.getRequestCount() == 1);
    assertThat(slack.takeRequest().getBody().utf8()).contains("STALE");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(Conditions.get(operator.get(name).getStatus(), Conditions.STALE))
                    .hasValueSatisfying(stale -> assertThat(stale.getStatus()).isEqualTo("True")));
    assertThat(operator.scrape())
        .contains(
            "analytics_refresh_stale{name=\"%s\",namespace=\"%s\"} 1.0".formatted(name, NAMESPACE));
  }

  @Test
  void theFirstSuccessAfterAFailureAlertsRecovery() throws Exception {
    CronJob cronJob = createAlertedRefresh(audit.url());
    jobs.startScheduled(cronJob, name + "-1");
    jobs.finish(NAMESPACE, name + "-1", false, null);
    await().atMost(WAIT).until(() -> slack.getRequestCount() == 1);

    jobs.startScheduled(cronJob, name + "-2");
    jobs.finish(NAMESPACE, name + "-2", true, null);

    await().atMost(WAIT).until(() -> slack.getRequestCount() == 2);
    slack.takeRequest();
    assertThat(slack.takeRequest().getBody().utf8()).contains("RECOVERED");
    await().atMost(WAIT).until(() -> auditRows("ANALYTICS_MATERIALIZED_REFRESH") == 1);
  }

  @Test
  void aTestAlertReportsEachChannelInAnEventAndTheAuditRow() throws Exception {
    createAlertedRefresh(audit.url(), 500);

    annotate(AnalyticsRefresh.TEST_ALERT_REQUESTED_AT, "t-1");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(operator.get(name).getStatus().getLastHandledTestAlertRequest())
                  .isEqualTo("t-1");
              assertThat(operator.events(name))
                  .anySatisfy(
                      event -> {
                        assertThat(event.getReason()).isEqualTo("TestAlertFailed");
                        assertThat(event.getMessage())
                            .contains("slack: failed", "500", "email: delivered");
                      });
              assertThat(auditRows("ANALYTICS_ALERT_TEST")).isEqualTo(1);
            });
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(MAIL.getReceivedMessages()[0].getSubject()).contains("TEST");
    assertNoSecretAnywhere();
  }

  @Test
  void auditRowsWaitInStatusWhileTheDatabaseIsDownAndArriveOnce() throws Exception {
    queueAnAuditRowWhileTheDatabaseIsDown();
    assertThat(operator.get(name).getStatus().getPendingAudit())
        .singleElement()
        .satisfies(row -> assertThat(row.getRunId()).isEqualTo(name + "-1"));
    assertThat(operator.get(name).getStatus().getAuditError())
        .startsWith("audit rows not written to 127.0.0.1:1/nowhere: ");
    // An outage passes by itself: status and the gauge show it, no Warning Event.
    assertThat(operator.events(name)).noneMatch(event -> "AuditRefused".equals(event.getReason()));

    operator.createDatabaseSecret(name + "-db", databaseSecret(audit.url()));
    poke("database-back");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(auditRows("ANALYTICS_MATERIALIZED_REFRESH")).isEqualTo(1);
              assertThat(operator.get(name).getStatus().getPendingAudit()).isEmpty();
              assertThat(operator.get(name).getStatus().getAuditError()).isNull();
            });
    poke("again");
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(() -> auditRows("ANALYTICS_MATERIALIZED_REFRESH") == 1);
  }

  @Test
  void aRefusedAuditWriteIsReportedOnceAndItsRowsWaitForTheFix() throws Exception {
    // A table of that name but another shape: every insert is refused the same way.
    execute("CREATE TABLE analytics_refresh_audit (id INT PRIMARY KEY)");
    try {
      runOnceSuccessfully(audit.url());

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(operator.events(name))
                      .filteredOn(event -> "AuditRefused".equals(event.getReason()))
                      .singleElement()
                      .satisfies(
                          event ->
                              assertThat(event.getMessage())
                                  .contains("audit rows refused by", "Unknown column")
                                  .contains("1 audit rows wait in status.pendingAudit")));
      assertThat(operator.get(name).getStatus().getAuditError())
          .startsWith("audit rows refused by ");
      assertThat(operator.get(name).getStatus().getPendingAudit()).hasSize(1);

      poke("still-refused");
      await()
          .during(Duration.ofSeconds(1))
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(operator.events(name))
                      .filteredOn(event -> "AuditRefused".equals(event.getReason()))
                      .hasSize(1));
    } finally {
      execute("DROP TABLE analytics_refresh_audit");
    }
    poke("table-fixed");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(auditRows("ANALYTICS_MATERIALIZED_REFRESH")).isEqualTo(1);
              assertThat(operator.get(name).getStatus().getPendingAudit()).isEmpty();
              assertThat(operator.get(name).getStatus().getAuditError()).isNull();
            });
    assertNoSecretAnywhere();
  }

  @Test
  void auditRowsStillQueuedWhenTheResourceIsDeletedAreWrittenBeforeItGoes() throws Exception {
    queueAnAuditRowWhileTheDatabaseIsDown();
    // The operator does not watch Secrets: once the reconciles the run set off are over, the
    // next try would be a minute away, and only the deletion makes it try sooner.
    awaitQuietOperator();
    operator.createDatabaseSecret(name + "-db", databaseSecret(audit.url()));
    assertThat(operator.get(name).getStatus().getPendingAudit()).hasSize(1);

    client.resources(AnalyticsRefresh.class).inNamespace(NAMESPACE).withName(name).delete();

    await().atMost(WAIT).until(() -> operator.get(name) == null);
    assertThat(auditRows("ANALYTICS_MATERIALIZED_REFRESH")).isEqualTo(1);
    assertThat(logLines()).contains("wrote 1 audit rows before deletion");
    assertNoSecretAnywhere();
  }

  @Test
  void auditRowsThatCannotBeWrittenAtDeletionAreReportedAndDoNotHoldItUp() throws Exception {
    queueAnAuditRowWhileTheDatabaseIsDown();

    client.resources(AnalyticsRefresh.class).inNamespace(NAMESPACE).withName(name).delete();

    await().atMost(WAIT).until(() -> operator.get(name) == null);
    String dropped =
        "1 audit rows dropped with the deleted resource: audit rows not written to"
            + " 127.0.0.1:1/nowhere: ";
    assertThat(operator.events(name))
        .filteredOn(event -> "AuditRowsDropped".equals(event.getReason()))
        .singleElement()
        .satisfies(event -> assertThat(event.getMessage()).startsWith(dropped));
    assertThat(logLines()).anySatisfy(line -> assertThat(line).startsWith(dropped));
    assertNoSecretAnywhere();
  }

  @Test
  void staleAlertsOncePerEpisodeAndRemindsAfterTheInterval() throws Exception {
    createAlertedRefresh(audit.url());
    await().atMost(WAIT).until(() -> operator.get(name).getStatus() != null);

    operator.clock().advance(Duration.ofHours(51));
    poke("stale");
    await().atMost(WAIT).until(() -> slack.getRequestCount() == 1);
    poke("still");
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> slack.getRequestCount() == 1);

    operator.clock().advance(OperatorHarness.STALE_REMINDER);
    poke("reminder");

    await().atMost(WAIT).until(() -> slack.getRequestCount() == 2);
    assertThat(slack.takeRequest().getBody().utf8()).contains("STALE");
    assertThat(slack.takeRequest().getBody().utf8()).contains("still stale");
    await().atMost(WAIT).until(() -> auditRows("ANALYTICS_MATERIALIZED_REFRESH_STALE") == 2);
  }

  private CronJob createAlertedRefresh(String databaseUrl) {
    return createAlertedRefresh(databaseUrl, 200);
  }

  /** A refresh alerting to Slack, whose next five answers are {@code slackStatus}, and email. */
  private CronJob createAlertedRefresh(String databaseUrl, int slackStatus) {
    for (int i = 0; i < 5; i++) {
      slack.enqueue(new MockResponse.Builder().code(slackStatus).body("ok").build());
    }
    operator.createDatabaseSecret(name + "-db", databaseSecret(databaseUrl));
    operator.createDatabaseSecret(
        name + "-slack",
        Map.of("webhook", slack.url("/services/T000/" + WEBHOOK_SECRET).toString()));
    operator.createDatabaseSecret(
        name + "-smtp",
        Map.of(
            "host", "127.0.0.1",
            "port", String.valueOf(MAIL.getSmtp().getPort()),
            "security", "none",
            "username", "smtp-user",
            "password", SMTP_PASSWORD,
            "from", "alerts@dailycup.example",
            "fromName", "DailyCup Analytics"));
    AnalyticsRefresh refresh = refresh(name, "0 3 * * *");
    AlertsSpec alerts = refresh.getSpec().getAlerts();
    SlackAlertSpec slackSpec = new SlackAlertSpec();
    SecretKeyReference webhook = new SecretKeyReference();
    webhook.setName(name + "-slack");
    webhook.setKey("webhook");
    slackSpec.setWebhookSecretRef(webhook);
    alerts.setSlack(slackSpec);
    EmailAlertSpec email = new EmailAlertSpec();
    email.setTo(List.of("oncall@dailycup.example"));
    email.setSmtpSecretRef(new SecretReference(name + "-smtp"));
    alerts.setEmail(email);
    client.resource(refresh).create();
    return await().atMost(WAIT).until(() -> operator.cronJob(name), cronJob -> cronJob != null);
  }

  private static Map<String, String> databaseSecret(String url) {
    return Map.of("url", url, "username", "root", "password", DB_PASSWORD);
  }

  /** One Slack message, one email and one audit row of the failed run: no more, no less. */
  private void assertOneFailureAlertedAndAudited() throws Exception {
    assertThat(slack.getRequestCount()).isEqualTo(1);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(auditRows("ANALYTICS_MATERIALIZED_REFRESH_FAILED")).isEqualTo(1);
  }

  private long auditRows(String action) throws Exception {
    String count = auditColumn("COUNT(*)", action);
    return count == null ? 0 : Long.parseLong(count);
  }

  /** The details of the resource's rows of {@code action}, joined by commas. */
  private String auditDetails(String action) throws Exception {
    return auditColumn("GROUP_CONCAT(details)", action);
  }

  /** {@code aggregate} over the resource's rows of {@code action}; null before the table exists. */
  private String auditColumn(String aggregate, String action) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(audit.url(), audit.username(), audit.password());
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT "
                    + aggregate
                    + " FROM analytics_refresh_audit WHERE action = ? AND target LIKE ?")) {
      query.setString(1, action);
      query.setString(2, NAMESPACE + "/" + name + " %");
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getString(1);
      }
    } catch (java.sql.SQLSyntaxErrorException e) {
      return null; // the table does not exist yet
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection connection =
        DriverManager.getConnection(audit.url(), audit.username(), audit.password())) {
      connection.createStatement().execute(sql);
    }
  }

  /** An alerted refresh auditing to {@code databaseUrl} whose first scheduled run succeeds. */
  private void runOnceSuccessfully(String databaseUrl) {
    CronJob cronJob = createAlertedRefresh(databaseUrl);
    jobs.startScheduled(cronJob, name + "-1");
    jobs.finish(NAMESPACE, name + "-1", true, null);
  }

  private void awaitStalledBy(String reason) {
    await()
        .ignoreExceptions()
        .atMost(WAIT)
        .until(
            () ->
                Conditions.get(operator.get(name).getStatus(), Conditions.STALLED)
                    .map(c -> reason.equals(c.getReason()))
                    .orElse(false));
  }

  private void queueAnAuditRowWhileTheDatabaseIsDown() {
    runOnceSuccessfully("jdbc:mysql://127.0.0.1:1/nowhere");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(operator.get(name).getStatus())
                    .isNotNull()
                    .satisfies(status -> assertThat(status.getPendingAudit()).hasSize(1)));
  }

  /** Waits until the operator has logged nothing for longer than one failed audit write. */
  private void awaitQuietOperator() {
    AtomicInteger lines = new AtomicInteger(-1);
    AtomicLong changedAt = new AtomicLong();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              int now = logLines().size();
              if (lines.getAndSet(now) != now) {
                changedAt.set(System.nanoTime());
              }
              return System.nanoTime() - changedAt.get() > Duration.ofSeconds(5).toNanos();
            });
  }

  /** The log so far; the operator's threads append while the test reads. */
  private List<String> logLines() {
    synchronized (logs) {
      return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  /** No secret value in any Event, the status, a log line or an exception logged. */
  private void assertNoSecretAnywhere() {
    AnalyticsRefresh refresh = operator.get(name);
    StringBuilder everything =
        new StringBuilder(refresh == null ? "" : Serialization.asJson(refresh));
    operator.events(name).forEach(event -> everything.append(event.getMessage()).append('\n'));
    List<ILoggingEvent> logged;
    synchronized (logs) {
      logged = List.copyOf(logs.list);
    }
    for (ILoggingEvent event : logged) {
      everything.append(event.getFormattedMessage()).append('\n');
      if (event.getThrowableProxy() != null) {
        everything.append(event.getThrowableProxy().getMessage()).append('\n');
      }
    }
    assertThat(everything.toString())
        .doesNotContain(DB_PASSWORD)
        .doesNotContain(SMTP_PASSWORD)
        .doesNotContain(WEBHOOK_SECRET);
  }

  private void annotate(String key, String value) {
    operator.annotate(name, Map.of(key, value));
  }

  private void poke(String value) {
    operator.annotate(name, Map.of("test/poke", value));
  }
}
