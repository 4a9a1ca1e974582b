package io.dailycup.analytics.operator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which server answers are refusals. The embedded test server runs without grant tables, so a wrong
 * password or a missing grant cannot be provoked there; these are the answers MySQL and MariaDB
 * give, as Connector/J reports them.
 */
class SqlFailuresTest {

  @ParameterizedTest(name = "{0} {1}: refused {2}")
  @CsvSource({
    "28000, 1045, true", // Access denied for user (wrong password)
    "42000, 1044, true", // Access denied for user to database
    "42000, 1142, true", // INSERT or CREATE command denied
    "42000, 1049, true", // Unknown database
    "42S22, 1054, true", // Unknown column: a table of another shape
    "23000, 4025, true", // CHECK constraint failed
    "22001, 1406, true", // Data too long for column
    "08S01, 0, false", // Communications link failure
    "08004, 1040, false", // Too many connections
    "40001, 1213, false", // Deadlock
    "HY000, 1205, false", // Lock wait timeout
    "HY000, 1290, false", // The server runs with --read-only (a failover)
    "HY000, 1927, false", // Connection was killed
  })
  void classifiesTheServersAnswer(String state, int code, boolean refused) {
    assertThat(SqlFailures.isRefusal(new SQLException("answer", state, code))).isEqualTo(refused);
  }

  @Test
  void looksThroughThePoolsTimeoutToTheServersAnswer() {
    SQLException denied = new SQLException("Access denied for user 'a'@'b'", "28000", 1045);
    SQLException poolTimeout =
        new SQLTransientConnectionException(
            "audit:shop/db - Connection is not available, request timed out after 5000ms",
            "08001",
            denied);

    assertThat(SqlFailures.isRefusal(poolTimeout)).isTrue();
  }

  @Test
  void aFailureWithoutAnAnswerIsAnOutage() {
    SQLException noState =
        new SQLTransientConnectionException(
            "Connection is not available", null, new java.net.ConnectException("refused"));

    assertThat(SqlFailures.isRefusal(noState)).isFalse();
  }
}
