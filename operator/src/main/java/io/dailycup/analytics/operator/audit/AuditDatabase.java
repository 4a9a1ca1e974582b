package io.dailycup.analytics.operator.audit;

import java.net.URI;

/**
 * Where one resource's audit rows go: the facts of its database Secret. The password is kept out of
 * {@link #toString()} and of every message built from these facts, since those reach logs, Events
 * and status.
 *
 * @param url {@code jdbc:mysql://host:port/database}, possibly with parameters
 * @param username the database user
 * @param password the user's password; never shown
 */
public record AuditDatabase(String url, String username, String password) {

  private static final String SCHEME = "jdbc:mysql://";

  /** Whether the URL is one the MySQL driver takes. */
  boolean supported() {
    return url != null && url.startsWith(SCHEME);
  }

  /**
   * The server and database as {@code host:port/database}: user information and parameters of the
   * URL may hold a password, so they never reach a message.
   */
  String server() {
    if (!supported()) {
      return "(not a jdbc:mysql:// URL)";
    }
    try {
      URI uri = URI.create("db://" + url.substring(SCHEME.length()));
      String host = uri.getHost() == null ? "(unparsable host)" : uri.getHost();
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      return host + port + path;
    } catch (IllegalArgumentException e) {
      return "(unparsable address)";
    }
  }

  /** {@code text} with the password blanked out, for messages that came from the driver. */
  String redact(String text) {
    if (text == null || password == null || password.isEmpty()) {
      return text;
    }
    return text.replace(password, "****");
  }

  @Override
  public String toString() {
    return "AuditDatabase[server=" + server() + ", username=" + username + ", password=****]";
  }
}
