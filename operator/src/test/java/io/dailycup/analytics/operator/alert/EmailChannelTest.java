package io.dailycup.analytics.operator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmailChannelTest {

  private static final String USER = "alerts";
  private static final String PASSWORD = "right-Pa55word";
  private static final List<String> TO = List.of("oncall@dailycup.io", "data@dailycup.io");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /**
   * A private CA and a certificate for localhost signed by it, which GreenMail serves instead of
   * its own self-signed one. GreenMail reads its key store once per JVM, when its first TLS server
   * starts, so this must run before the extension below starts one.
   */
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("Test CA").build();

  private static final HeldCertificate LOCALHOST =
      new HeldCertificate.Builder().addSubjectAlternativeName("localhost").signedBy(CA).build();

  static {
    serveCertificate(LOCALHOST, CA);
  }

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
              ServerSetup.dynamicPort(
                  new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS}))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

  @Test
  void deliversToEveryRecipientFromTheSenderWithTheFactsOfTheAlert() throws Exception {
    Delivery delivery = plain(null, "").send(Alerts.failure());

    assertThat(delivery).isEqualTo(new Delivery("email", true, 1, "sent to 2 recipient(s)"));
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage message = received[0];
    assertThat(addresses(message.getAllRecipients())).containsExactlyElementsOf(TO);
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("alerts@dailycup.io");
    assertThat(from.getPersonal()).isEqualTo("DailyCup Analytics");
    assertThat(message.getSubject())
        .isEqualTo("[analytics-refresh] FAILED analytics/nightly: The refresh run failed");
    assertThat((String) message.getContent())
        .contains("AnalyticsRefresh analytics/nightly")
        .contains("analytics_integration_messages_daily_mat")
        .contains(Alerts.RUN_MESSAGE)
        .contains("kubectl logs job/nightly-29412345 -n analytics")
        .contains("kubectl describe ar/nightly -n analytics")
        .contains("Runbook: " + Alerts.RUNBOOK);
  }

  @Test
  void logsInWhenAUsernameIsSet() {
    Delivery delivery = plain(USER, PASSWORD).send(Alerts.stale());

    assertThat(delivery.delivered()).isTrue();
    assertThat(MAIL.getReceivedMessages()).hasSize(2);
  }

  @Test
  void reportsAWrongPasswordWithoutRevealingIt() {
    String wrong = "wrong-Secret-42";

    Delivery delivery = plain(USER, wrong).send(Alerts.failure());

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.detail()).startsWith("AuthenticationFailedException").doesNotContain(wrong);
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void deliversOverSslToAServerSignedByATrustedPrivateCa() {
    EmailChannel channel =
        new EmailChannel(ssl("localhost", USER, PASSWORD), TO, TIMEOUT, trusting(CA));

    Delivery delivery = channel.send(Alerts.failure());

    assertThat(delivery.delivered()).as(delivery.detail()).isTrue();
    assertThat(MAIL.getReceivedMessages()).hasSize(2);
  }

  @Test
  void refusesAnSslServerWhoseCertificateIsNotTrusted() {
    EmailChannel channel = new EmailChannel(ssl("localhost", USER, PASSWORD), TO, TIMEOUT);

    Delivery delivery = channel.send(Alerts.failure());

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.detail()).containsIgnoringCase("certification path");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void refusesAnSslServerWhoseCertificateNamesAnotherHost() {
    EmailChannel channel =
        new EmailChannel(ssl("127.0.0.1", USER, PASSWORD), TO, TIMEOUT, trusting(CA));

    Delivery delivery = channel.send(Alerts.failure());

    // The same CA and server succeed under the name the certificate carries (test above).
    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.detail()).contains("SSLHandshakeException");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void sendsNothingWhenStartTlsIsRequiredButTheServerDoesNotOfferIt() {
    SmtpSettings smtp = settings("localhost", smtpPort(), USER, PASSWORD, "starttls");

    Delivery delivery = new EmailChannel(smtp, TO, TIMEOUT, trusting(CA)).send(Alerts.failure());

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.detail()).contains("STARTTLS");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void reportsAClosedPortQuickly() throws IOException {
    SmtpSettings smtp = settings("localhost", closedPort(), null, "", "none");

    long start = System.nanoTime();
    Delivery delivery = new EmailChannel(smtp, TO, TIMEOUT).send(Alerts.failure());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.detail()).contains("MailConnectException").contains("localhost");
  }

  @Test
  void givesUpOnAServerThatNeverGreetsWithinTheTimeout() throws IOException {
    // The kernel completes the connection from the backlog, but nobody ever answers.
    try (ServerSocket silent = new ServerSocket(0)) {
      SmtpSettings smtp = settings("localhost", silent.getLocalPort(), null, "", "none");

      long start = System.nanoTime();
      Delivery delivery = new EmailChannel(smtp, TO, Duration.ofMillis(300)).send(Alerts.failure());

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(delivery.delivered()).isFalse();
      assertThat(delivery.detail()).containsIgnoringCase("timed out");
    }
  }

  @ParameterizedTest
  @EnumSource(SmtpSettings.Security.class)
  void alwaysSetsConnectReadAndWriteTimeouts(SmtpSettings.Security security) {
    SmtpSettings smtp =
        new SmtpSettings("mail.example.com", 587, null, null, security, "a@example.com", null);

    Properties props = EmailChannel.properties(smtp, Duration.ofSeconds(7), null);

    assertThat(props)
        .containsEntry("mail.smtp.connectiontimeout", "7000")
        .containsEntry("mail.smtp.timeout", "7000")
        .containsEntry("mail.smtp.writetimeout", "7000")
        .containsEntry("mail.smtp.auth", "false");
  }

  private EmailChannel plain(String username, String password) {
    return new EmailChannel(
        settings("localhost", smtpPort(), username, password, "none"), TO, TIMEOUT);
  }

  private static SmtpSettings ssl(String host, String username, String password) {
    return settings(host, MAIL.getSmtps().getPort(), username, password, "ssl");
  }

  private static SmtpSettings settings(
      String host, int port, String username, String password, String security) {
    return new SmtpSettings(
        host,
        port,
        username,
        password,
        SmtpSettings.Security.valueOf(security.toUpperCase()),
        "alerts@dailycup.io",
        "DailyCup Analytics");
  }

  private static int smtpPort() {
    return MAIL.getSmtp().getPort();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<String> addresses(Address[] addresses) {
    return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
  }

  private static SSLSocketFactory trusting(HeldCertificate ca) {
    return new HandshakeCertificates.Builder()
        .addTrustedCertificate(ca.certificate())
        .build()
        .sslSocketFactory();
  }

  /** Writes the server's key and chain to a PKCS12 file and points GreenMail at it. */
  private static void serveCertificate(HeldCertificate server, HeldCertificate ca) {
    char[] password = "changeit".toCharArray();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server",
          server.keyPair().getPrivate(),
          password,
          new Certificate[] {server.certificate(), ca.certificate()});
      Path file = Files.createTempFile("greenmail-", ".p12");
      file.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
      System.setProperty("greenmail.tls.keystore.file", file.toString());
      System.setProperty("greenmail.tls.keystore.password", "changeit");
      System.setProperty("greenmail.tls.key.password", "changeit");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
