package io.dailycup.analytics.job.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dailycup.analytics.job.cli.ExitCode;
import io.dailycup.analytics.job.demo.SampleMessages;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.testing.CliRun;
import io.dailycup.analytics.job.testing.DatabaseExtension;
import io.dailycup.analytics.job.testing.SummaryTable;
import io.dailycup.analytics.job.testing.TestDatabase;
import io.dailycup.analytics.job.verify.GroupKey;
import io.dailycup.analytics.job.verify.Measures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that finds the table's named lock held by another session exits as skipped, with its own
 * exit code and result, and writes nothing. The lock name is a documented contract: {@code
 * analytics-refresh:<database>.<table>}.
 */
class OverlappingRunsTest {

  @RegisterExtension static final DatabaseExtension DB = new DatabaseExtension("overlap");

  private static final String SUMMARY = "analytics_integration_messages_daily_mat";

  @TempDir Path temp;
  private TestDatabase db;

  @BeforeEach
  void sourceWithoutSummary() throws Exception {
    db = DB.database();
    db.dropAllTables();
    db.createSource();
    new SampleMessages(51)
        .insertDays(
            db.dataSource(),
            TableName.of("integration_messages"),
            RefreshWindow.lastDays(10, LocalDate.now(ZoneOffset.UTC), ZoneOffset.UTC),
            200);
  }

  @Test
  void skipsWhenAnotherRefreshHoldsTheLockAndWritesNothing() throws Exception {
    Path result = temp.resolve("termination-log");

    CliRun run;
    try (Connection holder = holdLock()) {
      run = refresh(result, "--days", "7");
    }

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SKIPPED.code()).isEqualTo(3);
    assertThat(run.err()).contains("Skipped: another refresh of " + SUMMARY + " is running");
    assertThat(db.tableExists(SUMMARY)).as("not even the summary table is created").isFalse();
    JsonNode json = new ObjectMapper().readTree(Files.readString(result));
    assertThat(json.get("result").asText()).isEqualTo("Skipped");
    assertThat(json.get("exitCode").asInt()).isEqualTo(3);
  }

  @Test
  void aSkippedFullRefreshLeavesTheLiveTableAsItWas() throws Exception {
    assertThat(refresh(temp.resolve("first"), "--days", "10").exitCode()).isZero();
    db.execute("UPDATE " + SUMMARY + " SET message_count = 1");
    Map<GroupKey, Measures> before = SummaryTable.read(db.dataSource(), SUMMARY);

    CliRun run;
    try (Connection holder = holdLock()) {
      run = refresh(temp.resolve("second"), "--full");
    }

    assertThat(run.exitCode()).isEqualTo(ExitCode.SKIPPED.code());
    assertThat(SummaryTable.read(db.dataSource(), SUMMARY)).isEqualTo(before);
    assertThat(db.tableExists(SUMMARY + "__new")).isFalse();
  }

  @Test
  void theLockIsFreeAgainAfterARun() throws Exception {
    assertThat(refresh(temp.resolve("first"), "--days", "3").exitCode()).isZero();

    try (Connection holder = holdLock()) {
      assertThat(lockHolder()).isEqualTo(connectionId(holder));
    }
  }

  /**
   * Takes the job's lock on a connection of its own, as another run would; closing the connection
   * (not a pooled one) releases it.
   */
  private Connection holdLock() throws Exception {
    Connection connection =
        DriverManager.getConnection(
            db.settings().url(), db.settings().username(), db.settings().password());
    try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
      lock.setString(1, RefreshLock.lockName(db.name(), TableName.of(SUMMARY)));
      try (ResultSet acquired = lock.executeQuery()) {
        acquired.next();
        assertThat(acquired.getInt(1)).as("lock acquired by the test").isEqualTo(1);
      }
    }
    return connection;
  }

  private long lockHolder() throws Exception {
    return db.queryLong(
        "SELECT IS_USED_LOCK(?)", RefreshLock.lockName(db.name(), TableName.of(SUMMARY)));
  }

  private static long connectionId(Connection connection) throws Exception {
    try (PreparedStatement query = connection.prepareStatement("SELECT CONNECTION_ID()");
        ResultSet id = query.executeQuery()) {
      id.next();
      return id.getLong(1);
    }
  }

  private CliRun refresh(Path result, String... args) {
    Map<String, String> env = new HashMap<>(db.env());
    env.put("TERMINATION_MESSAGE_PATH", result.toString());
    String[] full = new String[args.length + 1];
    full[0] = "refresh";
    System.arraycopy(args, 0, full, 1, args.length);
    return CliRun.run(env, Clock.systemUTC(), full);
  }
}
