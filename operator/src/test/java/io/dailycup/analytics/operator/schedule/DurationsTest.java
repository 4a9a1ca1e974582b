package io.dailycup.analytics.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "26h,PT26H",
    "1d12h,PT36H",
    "90m,PT1H30M",
    "1.5h,PT1H30M",
    "500ms,PT0.5S",
    "2d,PT48H"
  })
  void parsesKubernetesStyleDurations(String text, String expected) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "26", "h", "1w", "0h", "-1h", "1h 30m", "PT26H"})
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
