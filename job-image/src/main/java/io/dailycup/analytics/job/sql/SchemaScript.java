package io.dailycup.analytics.job.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of {@code deploy/sql/schema.sql}, packaged into the jar as {@code sql/schema.sql}.
 * Keeping one file means the table the job creates is the table the docs describe.
 */
public final class SchemaScript {

  public static final String SOURCE_TABLE = "integration_messages";
  public static final String SUMMARY_TABLE = "analytics_integration_messages_daily_mat";

  private static final String RESOURCE = "/sql/schema.sql";
  private static final Pattern CREATE_TABLE =
      Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+) \\(");

  private final List<String> statements;

  private SchemaScript(List<String> statements) {
    this.statements = List.copyOf(statements);
  }

  /** Reads the packaged schema. */
  public static SchemaScript load() {
    try (InputStream in = SchemaScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static SchemaScript parse(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    return new SchemaScript(statements);
  }

  /** Every statement of the script, in order, without the trailing semicolon. */
  public List<String> statements() {
    return statements;
  }

  /** The DDL of the summary table, creating it under the given name. */
  public String summaryTable(TableName name) {
    return createStatement(SUMMARY_TABLE, name);
  }

  /** The DDL of the source table, creating it under the given name. */
  public String sourceTable(TableName name) {
    return createStatement(SOURCE_TABLE, name);
  }

  private String createStatement(String table, TableName as) {
    for (String statement : statements) {
      Matcher matcher = CREATE_TABLE.matcher(statement);
      if (matcher.find() && matcher.group(1).equals(table)) {
        // Index names are per table in MySQL, so only the table name itself changes.
        return matcher.replaceFirst(
            Matcher.quoteReplacement("CREATE TABLE IF NOT EXISTS " + as.quoted() + " ("));
      }
    }
    throw new IllegalStateException("schema.sql has no CREATE TABLE for " + table);
  }
}
