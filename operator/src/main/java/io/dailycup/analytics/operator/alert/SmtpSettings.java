package io.dailycup.analytics.operator.alert;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the SMTP server, as read from the Secret named by {@code
 * spec.alerts.email.smtpSecretRef}. {@link #toString()} leaves the password out, so that the
 * settings can be logged.
 *
 * @param host the server's host name
 * @param port its port, such as 587 (STARTTLS), 465 (SSL) or 25
 * @param username the login; null or empty for a relay that takes mail without one
 * @param password the login's password; never null, empty without a login
 * @param security how the connection is protected
 * @param from the sender's address
 * @param fromName the sender's display name; may be null
 */
public record SmtpSettings(
    String host,
    int port,
    String username,
    String password,
    Security security,
    String from,
    String fromName) {

  /** How the connection to the server is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS; the upgrade is required, never skipped. */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL,
    /** No TLS: only for a relay on a trusted network, such as a node-local one. */
    NONE
  }

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(from, "from");
    password = password == null ? "" : password;
  }

  /**
   * Reads the settings from a Secret's decoded data. {@code security} defaults to {@code starttls},
   * the safe choice for port 587; {@code username}, {@code password} and {@code fromName} are
   * optional.
   *
   * @throws IllegalArgumentException naming the key that is missing or wrong, never its value
   */
  public static SmtpSettings fromSecret(Map<String, String> data) {
    return new SmtpSettings(
        required(data, "host"),
        port(required(data, "port")),
        blankToNull(data.get("username")),
        withoutFinalLineBreak(data.get("password")),
        security(data.get("security")),
        address(required(data, "from")),
        blankToNull(data.get("fromName")));
  }

  /** Whether to log in: only when a username is set. */
  public boolean authenticates() {
    return username != null && !username.isBlank();
  }

  @Override
  public String toString() {
    return ("SmtpSettings[host=%s, port=%d, username=%s, password=%s, security=%s, from=%s,"
            + " fromName=%s]")
        .formatted(
            host,
            port,
            username,
            password.isEmpty() ? "(none)" : "(set)",
            security,
            from,
            fromName);
  }

  private static String required(Map<String, String> data, String key) {
    String value = blankToNull(data.get(key));
    if (value == null) {
      throw new IllegalArgumentException("SMTP Secret: key " + key + " is missing or empty");
    }
    return value;
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the range, which says more than the parse error.
    }
    throw new IllegalArgumentException("SMTP Secret: key port must be a number from 1 to 65535");
  }

  private static Security security(String value) {
    String name = blankToNull(value);
    if (name == null) {
      return Security.STARTTLS;
    }
    try {
      return Security.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SMTP Secret: key security must be starttls, ssl or none");
    }
  }

  private static String address(String value) {
    try {
      new InternetAddress(value, true).validate();
      return value;
    } catch (AddressException e) {
      throw new IllegalArgumentException("SMTP Secret: key from is not an email address");
    }
  }

  /** As the refresh job reads its password files: one final line break is not part of it. */
  private static String withoutFinalLineBreak(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    return stripped.endsWith("\r") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }

  /** Secrets written with {@code echo} end with a line break; that is never part of these keys. */
  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
