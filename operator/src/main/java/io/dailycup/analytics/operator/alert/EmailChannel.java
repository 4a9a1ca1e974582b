package io.dailycup.analytics.operator.alert;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends alerts as plain-text email through SMTP with Jakarta Mail. Every connection is bounded by
 * connect, read and write timeouts, since Jakarta Mail's defaults wait forever. STARTTLS is
 * required when chosen, so a server (or a man in the middle) that does not offer it gets no mail
 * rather than a plain-text login. The server's certificate and host name are always checked. One
 * attempt only: the reconciler reports a failure and the next alert tries again.
 */
public final class EmailChannel implements AlertChannel {

  /** Enough to reach the socket or TLS error under Jakarta Mail's wrappers. */
  private static final int MAX_CAUSES = 4;

  private final SmtpSettings smtp;
  private final InternetAddress[] recipients;
  private final InternetAddress sender;
  private final Session session;
  private final Redaction redaction;

  /**
   * @param smtp the server and login
   * @param recipients one or more addresses
   * @param timeout the longest wait to connect, and for each read and write
   * @throws IllegalArgumentException when there is no recipient or an address is malformed
   */
  public EmailChannel(SmtpSettings smtp, List<String> recipients, Duration timeout) {
    this(smtp, recipients, timeout, null);
  }

  /**
   * As {@link #EmailChannel(SmtpSettings, List, Duration)}, for a server whose certificate a
   * private CA signed: {@code trustedCa} is a socket factory that trusts that CA. The host name is
   * still checked against the certificate.
   */
  public EmailChannel(
      SmtpSettings smtp, List<String> recipients, Duration timeout, SSLSocketFactory trustedCa) {
    this.smtp = Objects.requireNonNull(smtp, "smtp");
    this.recipients = parseRecipients(recipients);
    this.sender = sender(smtp);
    this.session = Session.getInstance(properties(smtp, timeout, trustedCa));
    this.redaction = new Redaction(secrets(smtp));
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Delivery send(Alert alert) {
    try {
      MimeMessage message = message(alert);
      if (smtp.authenticates()) {
        Transport.send(message, smtp.username(), smtp.password());
      } else {
        Transport.send(message);
      }
      return new Delivery(name(), true, 1, "sent to " + recipients.length + " recipient(s)");
    } catch (MessagingException | RuntimeException e) {
      return new Delivery(name(), false, 1, describe(e));
    }
  }

  private MimeMessage message(Alert alert) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(sender);
    message.setRecipients(Message.RecipientType.TO, recipients);
    message.setSubject(AlertMessages.subject(alert), StandardCharsets.UTF_8.name());
    message.setText(AlertMessages.emailBody(alert), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    return message;
  }

  /**
   * The session's settings. Everything goes under {@code mail.smtp.}: SSL is the {@code smtp}
   * protocol with {@code ssl.enable}, which keeps one set of keys for all three modes.
   */
  static Properties properties(SmtpSettings smtp, Duration timeout, SSLSocketFactory trustedCa) {
    String millis = Long.toString(timeout.toMillis());
    Properties props = new Properties();
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.port()));
    props.put("mail.smtp.connectiontimeout", millis);
    props.put("mail.smtp.timeout", millis);
    props.put("mail.smtp.writetimeout", millis);
    props.put("mail.smtp.from", smtp.from());
    props.put("mail.smtp.auth", Boolean.toString(smtp.authenticates()));
    switch (smtp.security()) {
      case STARTTLS -> {
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        props.put("mail.smtp.ssl.enable", "true");
        props.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> props.put("mail.smtp.starttls.enable", "false");
    }
    if (trustedCa != null && smtp.security() != SmtpSettings.Security.NONE) {
      props.put("mail.smtp.ssl.socketFactory", trustedCa);
    }
    return props;
  }

  private static InternetAddress[] parseRecipients(List<String> addresses) {
    if (addresses == null || addresses.isEmpty()) {
      throw new IllegalArgumentException("email alerts need at least one recipient");
    }
    return addresses.stream().map(EmailChannel::parse).toArray(InternetAddress[]::new);
  }

  private static InternetAddress parse(String address) {
    try {
      return new InternetAddress(address, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("'" + address + "' is not an email address");
    }
  }

  private static InternetAddress sender(SmtpSettings smtp) {
    InternetAddress address = parse(smtp.from());
    if (smtp.fromName() == null) {
      return address;
    }
    try {
      return new InternetAddress(address.getAddress(), smtp.fromName(), "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("the JVM lacks UTF-8", e);
    }
  }

  /**
   * The password, and its Base64 form as AUTH LOGIN sends it, in case a server's reply repeats what
   * it received.
   */
  private static List<String> secrets(SmtpSettings smtp) {
    byte[] password = smtp.password().getBytes(StandardCharsets.UTF_8);
    return List.of(smtp.password(), Base64.getEncoder().encodeToString(password));
  }

  /**
   * The exception and its causes on one line, such as {@code MessagingException: Could not connect
   * to SMTP host: ...; SSLHandshakeException: PKIX path building failed ...}. They name the server
   * but must not show the password.
   */
  private String describe(Exception e) {
    StringBuilder text = new StringBuilder();
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      // Some wrappers repeat their cause's message; once is enough.
      if (!text.toString().contains(message) || message.isEmpty()) {
        text.append(text.length() == 0 ? "" : "; ").append(cause.getClass().getSimpleName());
        text.append(message.isEmpty() ? "" : ": " + message);
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return redaction.clean(text.toString());
  }
}
