package io.dailycup.analytics.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dailycup.analytics.job.testing.CliRun;
import io.dailycup.analytics.job.testing.DatabaseExtension;
import io.dailycup.analytics.job.testing.TestDatabase;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets one clear line on standard error, its exit code, and no write: the
 * database is checked afterwards.
 */
class BadInputTest {

  @RegisterExtension static final DatabaseExtension DB = new DatabaseExtension("badinput");

  private static final String PASSWORD = "pa55-w0rd-never-printed";
  private static int closedPort;

  @TempDir Path temp;
  private TestDatabase db;

  @BeforeAll
  static void findAClosedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
  }

  @BeforeEach
  void sourceWithOneRowAndNoSummary() throws Exception {
    db = DB.database();
    db.dropAllTables();
    db.createSource();
    db.execute(
        "INSERT INTO integration_messages (integration, direction, status, created_at,"
            + " processing_ms, payload_bytes)"
            + " VALUES ('stripe', 'inbound', 'delivered', NOW(), 5, 10)");
  }

  static Stream<Arguments> badInput() {
    UnaryOperator<Map<String, String>> same = env -> env;
    return Stream.of(
        Arguments.of(List.of("refresh", "--dayz", "7"), same, 2, "unknown option '--dayz'"),
        Arguments.of(
            List.of("refresh", "--days", "7", "--db-password", PASSWORD),
            same,
            2,
            "unknown option '--db-password'"),
        Arguments.of(
            List.of("refresh", "--days", "7", "--db-password=" + PASSWORD),
            same,
            2,
            "unknown option '--db-password'"),
        Arguments.of(List.of("refresh", "--days", "abc"), same, 2, "'abc' is not an int"),
        Arguments.of(
            List.of("refresh", "--from", "2026-13-01", "--to", "2026-12-01"),
            same,
            2,
            "--from must be a date such as 2026-11-30, got '2026-13-01'"),
        Arguments.of(
            List.of("refresh", "--from", "2026-12-02", "--to", "2026-12-01"),
            same,
            2,
            "--from 2026-12-02 is after --to 2026-12-01"),
        Arguments.of(
            List.of("refresh", "--days", "0"),
            same,
            2,
            "--days must cover between 1 and 3650 days, got 0"),
        Arguments.of(
            List.of("refresh", "--days", "5000"),
            same,
            2,
            "--days must cover between 1 and 3650 days, got 5000"),
        Arguments.of(
            List.of("refresh", "--from", "2000-01-01", "--to", "2026-12-01"),
            same,
            2,
            "--from..--to must cover between 1 and 3650 days"),
        Arguments.of(
            List.of("refresh", "--days", "7", "--full"),
            same,
            2,
            "choose exactly one of --days N, --full, or --from DATE --to DATE"),
        Arguments.of(List.of("refresh"), same, 2, "choose exactly one of"),
        Arguments.of(
            List.of("refresh", "--days", "7"),
            without("DB_PASSWORD"),
            2,
            "missing database credentials: set DB_PASSWORD (or DB_PASSWORD_FILE)"),
        Arguments.of(
            List.of("refresh", "--days", "7"),
            without("DB_USERNAME"),
            2,
            "missing database credentials: set DB_USERNAME"),
        Arguments.of(
            List.of("refresh", "--days", "7"),
            with(
                "DB_URL", "jdbc:mysql://127.0.0.1:" + closedPort + "/dailycup?connectTimeout=2000"),
            1,
            "cannot connect to the database at jdbc:mysql://127.0.0.1:" + closedPort + "/dailycup"),
        Arguments.of(
            List.of("refresh", "--days", "7"),
            with("DB_URL", "postgresql://db/dailycup"),
            2,
            "the database URL must start with jdbc:mysql://"),
        Arguments.of(
            List.of(
                "refresh",
                "--days",
                "7",
                "--target-table",
                "x'; DROP TABLE integration_messages; --"),
            same,
            2,
            "target table: invalid table name 'x'; DROP TABLE integration_messages; --'"),
        Arguments.of(
            List.of("refresh", "--days", "7", "--source-table", "integration_messages;"),
            same,
            2,
            "source table: invalid table name 'integration_messages;'"),
        Arguments.of(
            List.of("refresh", "--days", "7"),
            with("TARGET_TABLE", "summary`x"),
            2,
            "target table: invalid table name"),
        Arguments.of(
            List.of("refresh", "--days", "7", "--time-zone", "Mars/Olympus_Mons"),
            same,
            2,
            "unknown time zone 'Mars/Olympus_Mons'"),
        Arguments.of(
            List.of("refresh", "--days", "7"),
            with("DB_PASSWORD_FILE", "/nonexistent/password"),
            2,
            "set either DB_PASSWORD or DB_PASSWORD_FILE, not both"),
        Arguments.of(List.of("verify"), same, 2, "Missing required option: '--days=N'"),
        Arguments.of(List.of("verify", "--days", "0"), same, 2, "--days must cover between 1"),
        Arguments.of(List.of("refresh-all"), same, 2, "unknown command or argument 'refresh-all'"),
        Arguments.of(
            List.of("refresh", "--days", "7"),
            with("DB_URL", "jdbc:mysql://admin:" + PASSWORD + "@127.0.0.1:3306/dailycup"),
            2,
            "the database URL must not hold credentials"),
        Arguments.of(
            List.of("refresh", "--days", "7"),
            with("DB_URL", "jdbc:mysql://127.0.0.1:3306/dailycup?user=a&password=" + PASSWORD),
            2,
            "the database URL must not hold credentials"),
        Arguments.of(
            List.of("refresh", "--from", "2026-01-01", "--to", "+999999-01-01"),
            same,
            2,
            "--from..--to must cover between 1 and 3650 days"),
        Arguments.of(List.of(), same, 2, "a command is required: refresh, verify or demo"));
  }

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("badInput")
  void getsOneClearLineItsExitCodeAndNoWrite(
      List<String> args, UnaryOperator<Map<String, String>> env, int exitCode, String message)
      throws Exception {
    CliRun run = CliRun.run(env.apply(baseEnv()), Clock.systemUTC(), args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
    assertThat(run.errLines()).as(run.toString()).hasSize(1);
    assertThat(run.err()).contains(message).doesNotContain(PASSWORD);
    assertThat(run.out()).doesNotContain(PASSWORD);
    assertThat(db.tableExists("analytics_integration_messages_daily_mat")).isFalse();
    assertThat(db.queryLong("SELECT COUNT(*) FROM integration_messages")).isEqualTo(1);
  }

  @Test
  void aMissingPasswordFileIsNamedInTheMessage() throws Exception {
    Map<String, String> env = baseEnv();
    env.remove("DB_PASSWORD");
    env.put("DB_PASSWORD_FILE", temp.resolve("missing").toString());

    CliRun run = CliRun.run(env, Clock.systemUTC(), "refresh", "--days", "1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err()).contains("DB_PASSWORD_FILE names " + temp.resolve("missing"));
  }

  @Test
  void aCommandLineRejectedByTheParserStillWritesTheJsonResult() throws Exception {
    Path result = temp.resolve("termination-log");
    Map<String, String> env = baseEnv();
    env.put("TERMINATION_MESSAGE_PATH", result.toString());

    CliRun run = CliRun.run(env, Clock.systemUTC(), "refresh", "--days", "abc");

    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode json = new ObjectMapper().readTree(Files.readString(result));
    assertThat(json.get("exitCode").asInt()).isEqualTo(2);
    assertThat(json.get("message").asText()).contains("'abc' is not an int");
  }

  @Test
  void badInputStillWritesTheJsonResultWithItsExitCode() throws Exception {
    Path result = temp.resolve("termination-log");
    Map<String, String> env = baseEnv();
    env.put("TERMINATION_MESSAGE_PATH", result.toString());

    CliRun run = CliRun.run(env, Clock.systemUTC(), "refresh", "--days", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode json = new ObjectMapper().readTree(Files.readString(result));
    assertThat(json.get("result").asText()).isEqualTo("Failed");
    assertThat(json.get("exitCode").asInt()).isEqualTo(2);
    assertThat(json.get("message").asText()).contains("--days must cover between 1 and 3650");
  }

  /**
   * The test database's settings with a recognisable password (the embedded server runs without
   * grant tables and accepts any), so that every case checks it is never printed.
   */
  private Map<String, String> baseEnv() {
    Map<String, String> env = new HashMap<>(db.env());
    env.put("DB_PASSWORD", PASSWORD);
    return env;
  }

  private static UnaryOperator<Map<String, String>> without(String variable) {
    return env -> {
      env.remove(variable);
      return env;
    };
  }

  private static UnaryOperator<Map<String, String>> with(String variable, String value) {
    return env -> {
      env.put(variable, value);
      return env;
    };
  }
}
