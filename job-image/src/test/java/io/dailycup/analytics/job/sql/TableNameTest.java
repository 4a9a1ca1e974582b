package io.dailycup.analytics.job.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"integration_messages", "_t", "Summary2", "a"})
  void acceptsPlainIdentifiersAndQuotesThem(String name) {
    assertThat(TableName.of(name).quoted()).isEqualTo("`" + name + "`");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x'; DROP TABLE y; --",
        "a;b",
        "a`b",
        "a b",
        "db.table",
        "1table",
        "",
        "t\u00e4ble",
        "line\nbreak",
        "a_name_that_is_far_too_long_for_the_job_to_add_its_suffix_x"
      })
  void rejectsAnythingElseWithAOneLineMessage(String name) {
    assertThatThrownBy(() -> TableName.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"__new", "__old"})
  void everySuffixOfAnAcceptedNameFitsMySqlsLimit(String suffix) {
    String longest = "a".repeat(TableName.MAX_LENGTH);

    assertThat(TableName.of(longest).withSuffix(suffix).name()).hasSizeLessThanOrEqualTo(64);
  }
}
