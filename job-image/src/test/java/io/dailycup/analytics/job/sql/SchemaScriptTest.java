package io.dailycup.analytics.job.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaScriptTest {

  private final SchemaScript schema = SchemaScript.load();

  @Test
  void holdsTheSourceSummaryAndAuditTables() {
    assertThat(schema.statements())
        .hasSize(3)
        .allMatch(statement -> statement.startsWith("CREATE TABLE IF NOT EXISTS"));
  }

  @Test
  void createsTheSummaryUnderTheConfiguredName() {
    String ddl = schema.summaryTable(TableName.of("daily_copy"));

    assertThat(ddl)
        .startsWith("CREATE TABLE IF NOT EXISTS `daily_copy` (")
        .contains("PRIMARY KEY (day, integration, direction, status)")
        .doesNotContain(SchemaScript.SUMMARY_TABLE);
  }

  @Test
  void theSourceHasTheCoveringIndexTheRefreshReadsThrough() {
    assertThat(schema.sourceTable(TableName.of(SchemaScript.SOURCE_TABLE)))
        .contains("(created_at, integration, direction, status, processing_ms, payload_bytes)");
  }

  @Test
  void parsingSkipsCommentsAndSplitsOnSemicolonsAtLineEnds() {
    SchemaScript parsed =
        SchemaScript.parse("-- note\nCREATE TABLE a (x INT);\n\n-- b\nSELECT 1;\n");

    assertThat(parsed.statements()).containsExactly("CREATE TABLE a (x INT)", "SELECT 1");
  }
}
