package io.dailycup.analytics.job.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.job.sql.TableName;
import org.junit.jupiter.api.Test;

class RefreshLockTest {

  @Test
  void theLockIsNamedAfterTheDatabaseAndTable() {
    assertThat(
            RefreshLock.lockName(
                "dailycup", TableName.of("analytics_integration_messages_daily_mat")))
        .isEqualTo("refresh:dailycup.analytics_integration_messages_daily_mat");
  }

  @Test
  void aTooLongNameIsHashedToSixtyFourCharactersAndStaysDistinct() {
    TableName table = TableName.of("analytics_integration_messages_daily_mat");
    String first = RefreshLock.lockName("a_rather_long_database_name_one", table);
    String second = RefreshLock.lockName("a_rather_long_database_name_two", table);

    assertThat(first).hasSize(64).startsWith("refresh:");
    assertThat(first).isNotEqualTo(second);
  }
}
