package io.dailycup.analytics.job.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dailycup.analytics.job.db.DatabaseSettings;
import io.dailycup.analytics.job.refresh.RefreshMode;
import io.dailycup.analytics.job.refresh.RefreshResult;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.refresh.Totals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from flags, environment and files; the JSON result; secrets kept out of text. */
class SettingsTest {

  @TempDir Path temp;

  @Test
  void aFlagWinsOverTheEnvironment() {
    DatabaseOptions options = new DatabaseOptions();
    options.url = "jdbc:mysql://flag/db";
    Environment env =
        new Environment(
            Map.of("DB_URL", "jdbc:mysql://env/db", "DB_USERNAME", "u", "DB_PASSWORD", "p"));

    assertThat(options.database(env).url()).isEqualTo("jdbc:mysql://flag/db");
  }

  @Test
  void fileVariantsAreReadWithoutTheirFinalLineBreak() throws Exception {
    Files.writeString(temp.resolve("user"), "refresher\r\n");
    Files.writeString(temp.resolve("password"), "p@ss word\n");
    Environment env =
        new Environment(
            Map.of(
                "DB_URL", "jdbc:mysql://db:3306/dailycup",
                "DB_USERNAME_FILE", temp.resolve("user").toString(),
                "DB_PASSWORD_FILE", temp.resolve("password").toString()));

    DatabaseSettings settings = new DatabaseOptions().database(env);

    assertThat(settings.username()).isEqualTo("refresher");
    assertThat(settings.password()).isEqualTo("p@ss word");
  }

  @Test
  void anEmptyPasswordIsAPasswordButAMissingOneIsBadInput() {
    Environment empty =
        new Environment(
            Map.of("DB_URL", "jdbc:mysql://db/x", "DB_USERNAME", "u", "DB_PASSWORD", ""));
    Environment missing =
        new Environment(Map.of("DB_URL", "jdbc:mysql://db/x", "DB_USERNAME", "u"));

    assertThat(new DatabaseOptions().database(empty).password()).isEmpty();
    assertThatThrownBy(() -> new DatabaseOptions().database(missing))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("DB_PASSWORD");
  }

  @Test
  void theZoneDefaultsToUtcAndComesFromTheEnvironment() {
    assertThat(new DatabaseOptions().zone(new Environment(Map.of()))).isEqualTo(ZoneId.of("UTC"));
    assertThat(
            new DatabaseOptions().zone(new Environment(Map.of("REFRESH_TIME_ZONE", "Asia/Tokyo"))))
        .isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void describingAUrlDropsItsParameters() {
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:mysql://db.internal:3306/dailycup?useSSL=true&connectTimeout=5",
            "admin",
            "hunter2");

    assertThat(settings.describeUrl()).isEqualTo("jdbc:mysql://db.internal:3306/dailycup");
    assertThat(settings.toString()).doesNotContain("hunter2");
  }

  @Test
  void theJsonResultIsOneLineWithEveryField() throws Exception {
    RefreshWindow window =
        new RefreshWindow(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 3), ZoneId.of("UTC"));
    RefreshResult result =
        RefreshResult.succeeded(
            RefreshMode.INCREMENTAL,
            window,
            new Totals(336, 70213),
            Duration.ofMillis(1234),
            "done \"quoted\"\nsecond line");

    String json = TerminationMessage.json(result, ExitCode.SUCCESS, ZoneId.of("UTC"));

    assertThat(json).doesNotContain("\n");
    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.get("result").asText()).isEqualTo("Succeeded");
    assertThat(node.get("exitCode").asInt()).isZero();
    assertThat(node.get("mode").asText()).isEqualTo("Incremental");
    assertThat(node.get("firstDay").asText()).isEqualTo("2026-11-27");
    assertThat(node.get("lastDay").asText()).isEqualTo("2026-12-03");
    assertThat(node.get("days").asInt()).isEqualTo(7);
    assertThat(node.get("timeZone").asText()).isEqualTo("UTC");
    assertThat(node.get("rowsWritten").asLong()).isEqualTo(336);
    assertThat(node.get("messages").asLong()).isEqualTo(70213);
    assertThat(node.get("durationSeconds").asDouble()).isEqualTo(1.234);
    assertThat(node.get("dryRun").asBoolean()).isFalse();
    assertThat(node.get("message").asText()).isEqualTo("done \"quoted\" second line");
  }

  @Test
  void theJsonResultStaysWithinKubernetesTerminationMessageLimitInBytes() throws Exception {
    RefreshResult result =
        RefreshResult.failed(RefreshMode.FULL, Duration.ZERO, "\u00e9\u20ac\"".repeat(3_000));

    String json = TerminationMessage.json(result, ExitCode.FAILED, null);

    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(4096);
    assertThat(new ObjectMapper().readTree(json).get("message").asText()).endsWith("...");
  }

  @Test
  void shorteningNeverSplitsACharacter() {
    String emoji = "\ud83d\ude00".repeat(1_000);

    String shortened = TerminationMessage.shorten(emoji);

    assertThat(shortened).endsWith("...");
    assertThat(shortened.substring(0, shortened.length() - 3).codePoints())
        .allMatch(codePoint -> codePoint == 0x1F600);
  }

  @Test
  void aUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
    assertThatThrownBy(
            () -> new DatabaseSettings("jdbc:mysql://admin:s3cr/et@db:3306/dailycup", "a", "b"))
        .hasMessageContaining("must not hold credentials")
        .hasMessageNotContaining("s3cr");
  }

  @Test
  void redactingReplacesThePasswordWhereverItAppears() {
    DatabaseSettings settings = new DatabaseSettings("jdbc:mysql://db/x", "u", "hunter2");

    assertThat(settings.redact("Access denied (hunter2) for hunter2"))
        .isEqualTo("Access denied (****) for ****");
  }
}
