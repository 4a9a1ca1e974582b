package io.dailycup.analytics.operator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The audit DDL comes from the packaged deploy/sql/schema.sql. */
class AuditSchemaTest {

  @Test
  void readsTheAuditTableFromThePackagedSchema() {
    String ddl = AuditSchema.load().createTable(new AuditTable("analytics_refresh_audit"));

    assertThat(ddl)
        .startsWith("CREATE TABLE IF NOT EXISTS `analytics_refresh_audit` (")
        .contains("event_key VARCHAR(191) NOT NULL")
        .contains("UNIQUE KEY uk_analytics_refresh_audit_event (event_key)")
        .doesNotContain("integration_messages")
        .doesNotEndWith(";");
  }

  @Test
  void createsTheTableUnderTheNameGiven() {
    String ddl = AuditSchema.load().createTable(new AuditTable("team_audit"));

    assertThat(ddl)
        .startsWith("CREATE TABLE IF NOT EXISTS `team_audit` (")
        .doesNotContain("EXISTS analytics_refresh_audit");
  }

  @Test
  void skipsCommentsAndOtherStatements() {
    String script =
        """
        -- a comment; with a semicolon
        CREATE TABLE IF NOT EXISTS other (
          id INT
        );
        CREATE TABLE IF NOT EXISTS analytics_refresh_audit (
          -- inside
          id INT
        ) ENGINE = InnoDB;
        """;

    String ddl = AuditSchema.parse(script).createTable(new AuditTable("a"));

    assertThat(ddl).isEqualTo("CREATE TABLE IF NOT EXISTS `a` (\n  id INT\n) ENGINE = InnoDB");
  }

  @Test
  void failsWhenTheScriptHasNoAuditTable() {
    assertThatThrownBy(() -> AuditSchema.parse("CREATE TABLE IF NOT EXISTS other (\n id INT\n);\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("analytics_refresh_audit");
  }
}
