package io.dailycup.analytics.operator.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DDL of the audit table, taken from {@code deploy/sql/schema.sql} (packaged into the operator
 * jar as {@code sql/schema.sql}), so the table the operator creates is the one the schema file
 * defines. The file's statements each end with a semicolon at the end of a line and its comments
 * take whole lines; that is all this reader relies on.
 */
final class AuditSchema {

  static final String DEFAULT_TABLE = "analytics_refresh_audit";

  private static final String RESOURCE = "/sql/schema.sql";
  private static final Pattern HEADER =
      Pattern.compile("CREATE TABLE IF NOT EXISTS " + DEFAULT_TABLE + " \\(");

  private final String createStatement;

  private AuditSchema(String createStatement) {
    this.createStatement = createStatement;
  }

  /** Reads the packaged schema; fails at start-up rather than at the first audit row. */
  static AuditSchema load() {
    try (InputStream in = AuditSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Finds the audit table's statement among the statements of a schema script. */
  static AuditSchema parse(String script) {
    StringBuilder statement = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      statement.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        if (HEADER.matcher(statement).find()) {
          return new AuditSchema(withoutSemicolon(statement));
        }
        statement.setLength(0);
      }
    }
    throw new IllegalStateException("schema.sql has no CREATE TABLE for " + DEFAULT_TABLE);
  }

  /** The DDL creating the audit table, when missing, under the given name. */
  String createTable(AuditTable table) {
    // Index names are per table in MySQL and MariaDB, so only the table name changes.
    return HEADER
        .matcher(createStatement)
        .replaceFirst(
            Matcher.quoteReplacement("CREATE TABLE IF NOT EXISTS " + table.quoted() + " ("));
  }

  private static String withoutSemicolon(CharSequence statement) {
    String text = statement.toString().strip();
    return text.substring(0, text.length() - 1);
  }
}
