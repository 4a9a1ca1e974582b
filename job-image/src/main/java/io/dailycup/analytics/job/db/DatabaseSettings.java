package io.dailycup.analytics.job.db;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where the database is and how to log in. The password is kept out of {@link #toString()} and of
 * every message built from these settings.
 */
public record DatabaseSettings(String url, String username, String password) {

  /** URL parameters that carry secrets; they belong in the password setting instead. */
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "[?&](password\\d?|pwd|sslKeyPassword|trustCertificateKeyStorePassword"
              + "|clientCertificateKeyStorePassword)=",
          Pattern.CASE_INSENSITIVE);

  public DatabaseSettings {
    if (url == null || !url.startsWith("jdbc:mysql://")) {
      throw new IllegalArgumentException(
          "the database URL must start with jdbc:mysql:// (got %s)".formatted(describe(url)));
    }
    // Driver errors may quote parts of the URL; keeping secrets out of it keeps them out of
    // every message.
    if (beforeParameters(url).contains("@") || SECRET_PARAMETER.matcher(url).find()) {
      throw new IllegalArgumentException(
          "the database URL must not hold credentials: give the user and password as"
              + " DB_USERNAME and DB_PASSWORD (or their _FILE variants)");
    }
  }

  /** {@code text} with the password replaced, for messages that came from elsewhere. */
  public String redact(String text) {
    if (text == null || password == null || password.isEmpty()) {
      return text;
    }
    return text.replace(password, "****");
  }

  /** The server and database of the URL, without credentials or parameters. */
  public String describeUrl() {
    return describe(url);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + describeUrl() + ", username=" + username + "]";
  }

  /** Host, port and database: where user information would be, even with a '/' in it. */
  private static String beforeParameters(String url) {
    int parameters = url.indexOf('?');
    return parameters < 0 ? url : url.substring(0, parameters);
  }

  /**
   * A JDBC URL reduced to scheme, host, port and path: user information and query parameters may
   * hold a password, so they never reach a message.
   */
  static String describe(String url) {
    if (url == null || url.isBlank()) {
      return "nothing";
    }
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return "a value that is not a URL";
    }
    String scheme = url.substring(0, schemeEnd);
    try {
      URI uri = URI.create("db" + url.substring(schemeEnd));
      String host = uri.getHost() == null ? "?" : uri.getHost();
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      String path = uri.getPath() == null ? "" : uri.getPath();
      return scheme + "://" + host + port + path;
    } catch (IllegalArgumentException e) {
      return scheme + "://(unparsable address)";
    }
  }
}
