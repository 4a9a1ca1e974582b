package io.dailycup.analytics.operator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  private static final String URL = "https://hooks.slack.com/services/T0AAA/B0BBB/secretToken123";

  @Test
  void masksTheWholeUrlBeforeItsParts() {
    Redaction redaction = new Redaction(List.of("/services/T0AAA/B0BBB/secretToken123", URL));

    assertThat(redaction.clean("unexpected end of stream on " + URL))
        .isEqualTo("unexpected end of stream on [redacted]");
  }

  @Test
  void masksEveryOccurrenceAndPutsTheTextOnOneLine() {
    Redaction redaction = new Redaction(List.of("hunter2!"));

    assertThat(redaction.clean("535 bad password hunter2!\n\tnested: hunter2!"))
        .isEqualTo("535 bad password [redacted] nested: [redacted]");
  }

  @Test
  void ignoresEmptyAndMissingSecrets() {
    Redaction redaction = new Redaction(Arrays.asList("", null));

    assertThat(redaction.clean("Connection refused")).isEqualTo("Connection refused");
    assertThat(redaction.clean(null)).isEmpty();
  }

  @Test
  void cutsLongTextAfterMasking() {
    Redaction redaction = new Redaction(List.of("secretValue"));

    String clean = redaction.clean("x".repeat(295) + "secretValue" + "y".repeat(100));

    assertThat(clean).hasSize(301).doesNotContain("secret").endsWith("…");
  }
}
