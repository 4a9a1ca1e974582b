package io.dailycup.analytics.operator.audit;

import static io.dailycup.analytics.operator.audit.StoredAuditRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The checks of rows and database facts that need no database. */
class AuditValuesTest {

  @Test
  void describesTheServerWithoutCredentialsOrParameters() {
    AuditDatabase database =
        new AuditDatabase(
            "jdbc:mysql://app:hunter2@db.shop.svc:3306/shop?password=hunter2&useSSL=true",
            "app",
            "hunter2");

    assertThat(database.server()).isEqualTo("db.shop.svc:3306/shop");
    assertThat(database.toString()).doesNotContain("hunter2").contains("db.shop.svc:3306/shop");
  }

  @Test
  void redactsThePasswordFromDriverMessages() {
    AuditDatabase database = new AuditDatabase("jdbc:mysql://db:3306/shop", "app", "hunter2");

    assertThat(database.redact("bad value hunter2")).isEqualTo("bad value ****");
  }

  @Test
  void rejectsAnEventKeyLongerThanItsColumn() {
    assertThatThrownBy(() -> row("k".repeat(AuditRow.MAX_EVENT_KEY + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventKey");
    assertThat(row("k".repeat(AuditRow.MAX_EVENT_KEY)).eventKey()).hasSize(191);
  }

  @Test
  void rejectsDetailsThatAreNotAJsonObject() {
    assertThatThrownBy(
            () ->
                new AuditRow(
                    "ns/a/1",
                    Instant.EPOCH,
                    AuditAction.ANALYTICS_ALERT_TEST,
                    "jane",
                    "ns/a",
                    "sent",
                    null,
                    "[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("detailsJson");
  }
}
