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

  @Test
  void masksWhatLooksLikeACredentialWithoutKnowingIt() {
    Redaction redaction = new Redaction(List.of());

    assertThat(redaction.mask("jdbc:mysql://refresh:pa55@db:3306/x refused"))
        .isEqualTo("jdbc:mysql://refresh:[redacted]@db:3306/x refused");
    assertThat(redaction.mask("url ?user=a&password=pa55&sslKeyPassword=k1, pwd: 'x y'"))
        .isEqualTo("url ?user=a&password=[redacted]&sslKeyPassword=[redacted], pwd: [redacted]");
    assertThat(redaction.mask("API_TOKEN=abc DB_PASSWORD=\"q w\" client_secret: zz"))
        .isEqualTo("API_TOKEN=[redacted] DB_PASSWORD=[redacted] client_secret: [redacted]");
    assertThat(redaction.mask("Authorization: Bearer eyJhbGciOi.x.y sent"))
        .isEqualTo("Authorization: Bearer [redacted] sent");
    assertThat(redaction.mask("POST https://hooks.slack.com/services/T0/B1/abc: 500"))
        .isEqualTo("POST https://hooks.slack.com/services/[redacted]: 500");
  }

  @Test
  void keepsWhatAPersonNeedsToRead() {
    Redaction redaction = new Redaction(List.of());
    String accessDenied = "Access denied for user 'refresh'@'10.0.0.7' (using password: YES)";
    String connection = "cannot connect to jdbc:mysql://db:3306/dailycup as refresh: refused";

    assertThat(redaction.mask(accessDenied)).isEqualTo(accessDenied);
    assertThat(redaction.mask(connection)).isEqualTo(connection);
    assertThat(redaction.mask("no password given: set DB_PASSWORD"))
        .isEqualTo("no password given: set DB_PASSWORD");
    assertThat(redaction.mask(null)).isNull();
  }
}
