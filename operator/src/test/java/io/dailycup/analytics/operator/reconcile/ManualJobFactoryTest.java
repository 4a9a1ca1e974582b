package io.dailycup.analytics.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManualJobFactoryTest {

  @Test
  void theSameTokenAlwaysGivesTheSameJobName() {
    assertThat(ManualJobFactory.jobName("nightly", "2026-12-03T10:00:00Z"))
        .isEqualTo(ManualJobFactory.jobName("nightly", "2026-12-03T10:00:00Z"))
        .isNotEqualTo(ManualJobFactory.jobName("nightly", "2026-12-03T10:00:01Z"))
        .startsWith("nightly-m-")
        .hasSize("nightly-m-".length() + 8);
  }

  @Test
  void aJobNameFitsALabelValueWhateverTheTokenOrName() {
    String name = ManualJobFactory.jobName("n".repeat(52), "x".repeat(500));

    assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }
}
