package io.dailycup.analytics.job.cli;

import io.dailycup.analytics.job.db.DatabaseSettings;
import io.dailycup.analytics.job.refresh.RefreshTables;
import io.dailycup.analytics.job.sql.SchemaScript;
import io.dailycup.analytics.job.sql.TableName;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every database command shares. Each falls back to an environment variable, so a
 * Kubernetes Secret or a cron environment file can carry it; a flag wins over the variable.
 */
final class DatabaseOptions {

  @Option(
      names = "--db-url",
      paramLabel = "URL",
      description = "JDBC URL, jdbc:mysql://host:port/database (env DB_URL or DB_URL_FILE).")
  String url;

  @Option(
      names = "--db-username",
      paramLabel = "NAME",
      description = "Database user (env DB_USERNAME or DB_USERNAME_FILE).")
  String username;

  @Option(
      names = "--db-password-file",
      paramLabel = "FILE",
      description =
          "File holding the password (env DB_PASSWORD or DB_PASSWORD_FILE). There is no"
              + " password flag: a command line is visible to every user of the host.")
  Path passwordFile;

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      description =
          "IANA zone whose local days the summary holds (env REFRESH_TIME_ZONE; default UTC).")
  String timeZone;

  @Option(
      names = "--source-table",
      paramLabel = "TABLE",
      description = "Source table (env SOURCE_TABLE; default " + SchemaScript.SOURCE_TABLE + ").")
  String sourceTable;

  @Option(
      names = "--target-table",
      paramLabel = "TABLE",
      description = "Summary table (env TARGET_TABLE; default " + SchemaScript.SUMMARY_TABLE + ").")
  String targetTable;

  /** The tables, checked to be plain identifiers. */
  RefreshTables tables(Environment env) {
    return new RefreshTables(
        table("source", sourceTable, env.get("SOURCE_TABLE"), SchemaScript.SOURCE_TABLE),
        table("target", targetTable, env.get("TARGET_TABLE"), SchemaScript.SUMMARY_TABLE));
  }

  ZoneId zone(Environment env) {
    String zone = firstOf(timeZone, env.get("REFRESH_TIME_ZONE")).orElse("UTC");
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new BadInputException(
          "unknown time zone '%s': use an IANA name such as Europe/Amsterdam or UTC"
              .formatted(zone));
    }
  }

  /** Where and as whom to connect; fails when any of the three is missing. */
  DatabaseSettings database(Environment env) {
    String dbUrl = firstOf(url, env.get("DB_URL")).orElseThrow(() -> missing("DB_URL", "--db-url"));
    String user =
        firstOf(username, env.get("DB_USERNAME"))
            .orElseThrow(() -> missing("DB_USERNAME", "--db-username"));
    Optional<String> password =
        passwordFile != null
            ? Optional.of(Environment.readFile(passwordFile, "--db-password-file"))
            : env.get("DB_PASSWORD");
    try {
      return new DatabaseSettings(
          dbUrl, user, password.orElseThrow(() -> missing("DB_PASSWORD", "--db-password-file")));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private static TableName table(
      String role, String flag, Optional<String> fromEnv, String defaultName) {
    String name = firstOf(flag, fromEnv).orElse(defaultName);
    try {
      return TableName.of(name);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(role + " table: " + e.getMessage());
    }
  }

  private static Optional<String> firstOf(String flag, Optional<String> fromEnv) {
    return flag != null ? Optional.of(flag) : fromEnv;
  }

  private static BadInputException missing(String variable, String flag) {
    return new BadInputException(
        "missing database credentials: set %s (or %s_FILE) or pass %s"
            .formatted(variable, variable, flag));
  }
}
