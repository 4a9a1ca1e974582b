package io.dailycup.analytics.job.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.job.cli.ExitCode;
import io.dailycup.analytics.job.demo.SampleMessages;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.testing.CliRun;
import io.dailycup.analytics.job.testing.DatabaseExtension;
import io.dailycup.analytics.job.testing.SummaryTable;
import io.dailycup.analytics.job.testing.TestDatabase;
import io.dailycup.analytics.job.verify.GroupKey;
import io.dailycup.analytics.job.verify.Measures;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The summary each mode writes equals a reference aggregate computed in Java from the raw source
 * rows, in a zone with daylight saving time.
 */
class RefreshResultsTest {

  @RegisterExtension static final DatabaseExtension DB = new DatabaseExtension("results");

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String SUMMARY = "analytics_integration_messages_daily_mat";
  private static final TableName SOURCE = TableName.of("integration_messages");
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-03T15:00:00Z"), ZoneOffset.UTC);

  /** 2026-10-25 in Amsterdam has 25 hours; 2026-03-29 has 23. */
  private static final LocalDate AUTUMN_CHANGE = LocalDate.of(2026, 10, 25);

  private static final LocalDate SPRING_CHANGE = LocalDate.of(2026, 3, 29);

  private TestDatabase db;

  @BeforeEach
  void freshSource() throws SQLException {
    db = DB.database();
    db.dropAllTables();
    db.createSource();
  }

  @Test
  void incrementalRefreshEqualsTheReferenceAggregateOfItsDays() throws SQLException {
    generate(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 12, 3), 7);

    CliRun run = refresh("--days", "45");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SUCCESS.code());
    LocalDate first = LocalDate.of(2026, 10, 20);
    assertThat(summary()).isEqualTo(reference(first, LocalDate.of(2026, 12, 3)));
    assertThat(summary().keySet()).anyMatch(key -> key.day().equals(AUTUMN_CHANGE));
  }

  @Test
  void incrementalRefreshLeavesDaysOutsideItsWindowAlone() throws SQLException {
    generate(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 3), 11);
    assertThat(refresh("--days", "14").exitCode()).isZero();
    db.execute("UPDATE " + SUMMARY + " SET message_count = 999999 WHERE day = '2026-11-25'");
    SampleMessages late = new SampleMessages(12);
    late.insertLate(
        db.dataSource(),
        SOURCE,
        window(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 3)),
        500);

    assertThat(refresh("--days", "7").exitCode()).isZero();

    Map<GroupKey, Measures> summary = summary();
    assertThat(SummaryTable.between(summary, LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 3)))
        .isEqualTo(reference(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 3)));
    assertThat(
            SummaryTable.between(summary, LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25))
                .values())
        .isNotEmpty()
        .allMatch(measures -> measures.messageCount() == 999999);
  }

  @Test
  void backfillInChunksEqualsTheReferenceAcrossTheSpringClockChange() throws SQLException {
    generate(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), 13);

    CliRun run = refresh("--from", "2026-03-10", "--to", "2026-04-12", "--chunk-days", "5");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("committed 2026-03-10..2026-03-14", "committed 2026-04-09..2026-04-12");
    assertThat(summary())
        .isEqualTo(reference(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 12)));
    assertThat(run.out()).contains("2026-03-29 (23h)");
  }

  @Test
  void fullRefreshEqualsTheReferenceOfEveryDayAndReplacesStaleRows() throws SQLException {
    generate(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 3), 17);
    assertThat(refresh("--full").exitCode()).isZero();
    db.execute(
        "UPDATE " + SUMMARY + " SET message_count = message_count + 5 WHERE day = '2026-09-10'");
    new SampleMessages(18)
        .insertLate(
            db.dataSource(),
            SOURCE,
            window(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 3)),
            800);

    CliRun run = refresh("--full");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(summary()).isEqualTo(reference(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 3)));
    assertThat(db.tableExists(SUMMARY + "__new")).isFalse();
    assertThat(db.tableExists(SUMMARY + "__old")).isFalse();
  }

  @Test
  void rowsOnEitherSideOfLocalMidnightLandOnTheirLocalDay() throws SQLException {
    // Amsterdam is UTC+2 until 2026-10-25 01:00 UTC and UTC+1 after: that day lasts 25 hours.
    insertAt("2026-10-24T21:59:59.999"); // 2026-10-24 23:59:59.999 local
    insertAt("2026-10-24T22:00:00.000"); // 2026-10-25 00:00 local
    insertAt("2026-10-25T22:59:59.999"); // 2026-10-25 23:59:59.999 local, hour 25
    insertAt("2026-10-25T23:00:00.000"); // 2026-10-26 00:00 local
    // 2026-03-29 lasts 23 hours: from 2026-03-28 23:00 UTC to 2026-03-29 22:00 UTC.
    insertAt("2026-03-28T22:59:59.999");
    insertAt("2026-03-28T23:00:00.000");
    insertAt("2026-03-29T21:59:59.999");
    insertAt("2026-03-29T22:00:00.000");

    assertThat(refresh("--full").exitCode()).isZero();

    assertThat(messagesPerDay())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                LocalDate.of(2026, 3, 28),
                1L,
                SPRING_CHANGE,
                2L,
                LocalDate.of(2026, 3, 30),
                1L,
                LocalDate.of(2026, 10, 24),
                1L,
                AUTUMN_CHANGE,
                2L,
                LocalDate.of(2026, 10, 26),
                1L));
  }

  @Test
  void createsTheSummaryTableWhenItIsMissing() throws SQLException {
    generate(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3), 19);
    assertThat(db.tableExists(SUMMARY)).isFalse();

    assertThat(refresh("--days", "3").exitCode()).isZero();

    assertThat(db.tableExists(SUMMARY)).isTrue();
    assertThat(summary())
        .isEqualTo(reference(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3)));
  }

  @Test
  void fullRefreshOfAnEmptySourceGivesAnEmptySummary() throws SQLException {
    CliRun run = refresh("--full");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(db.queryLong("SELECT COUNT(*) FROM " + SUMMARY)).isZero();
  }

  private CliRun refresh(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "refresh";
    System.arraycopy(args, 0, full, 1, args.length);
    full[args.length + 1] = "--time-zone";
    full[args.length + 2] = AMSTERDAM.getId();
    Map<String, String> env = new HashMap<>(db.env());
    return CliRun.run(env, NOW, full);
  }

  private void generate(LocalDate first, LocalDate last, long seed) throws SQLException {
    new SampleMessages(seed).insertDays(db.dataSource(), SOURCE, window(first, last), 300);
  }

  private void insertAt(String utc) throws SQLException {
    db.execute(
        "INSERT INTO integration_messages"
            + " (integration, direction, status, created_at, processing_ms, payload_bytes)"
            + " VALUES ('shopify', 'inbound', 'delivered', ?, 10, 100)",
        utc.replace('T', ' '));
  }

  private Map<LocalDate, Long> messagesPerDay() throws SQLException {
    Map<LocalDate, Long> perDay = new HashMap<>();
    summary()
        .forEach((key, measures) -> perDay.merge(key.day(), measures.messageCount(), Long::sum));
    return perDay;
  }

  private Map<GroupKey, Measures> summary() throws SQLException {
    return SummaryTable.read(db.dataSource(), SUMMARY);
  }

  private Map<GroupKey, Measures> reference(LocalDate first, LocalDate last) throws SQLException {
    return SummaryTable.reference(db.dataSource(), AMSTERDAM, first, last);
  }

  private static RefreshWindow window(LocalDate first, LocalDate last) {
    return new RefreshWindow(first, last, AMSTERDAM);
  }
}
