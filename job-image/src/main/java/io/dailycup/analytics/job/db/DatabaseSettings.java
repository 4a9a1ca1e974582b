package io.dailycup.analytics.job.db;

import java.net.URI;

/**
 * Where the database is and how to log in. The password is kept out of {@link #toString()} and of
 * every message built from these settings.
 */
public record DatabaseSettings(String url, String username, String password) {

  public DatabaseSettings {
    if (url == null || !url.startsWith("jdbc:mysql://")) {
      throw new IllegalArgumentException(
          "the database URL must start with jdbc:mysql:// (got %s)".formatted(describe(url)));
    }
  }

  /** The server and database of the URL, without credentials or parameters. */
  public String describeUrl() {
    return describe(url);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + describeUrl() + ", username=" + username + "]";
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
