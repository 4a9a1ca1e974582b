package io.dailycup.analytics.job.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaScriptTest {

  private final SchemaScript schema = SchemaScript.load();

  @Test
  void holdsTheSourceSummaryAndAuditTables() {
    assertThat(schema.statements())
        .extracting(statement -> statement.lines().findFirst().orElseThrow())
        .containsExactly(
            "CREATE TABLE IF NOT EXISTS integration_messages (",
            "CREATE TABLE IF NOT EXISTS analytics_integration_messages_daily_mat (",
            "CREATE TABLE IF NOT EXISTS analytics_refresh_audit (");
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
