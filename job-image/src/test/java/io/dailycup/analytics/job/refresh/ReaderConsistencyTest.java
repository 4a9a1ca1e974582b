package io.dailycup.analytics.job.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.job.demo.SampleMessages;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.testing.CliRun;
import io.dailycup.analytics.job.testing.DatabaseExtension;
import io.dailycup.analytics.job.testing.SummaryReader;
import io.dailycup.analytics.job.testing.SummaryReader.DayTotals;
import io.dailycup.analytics.job.testing.SummaryReader.Report;
import io.dailycup.analytics.job.testing.SummaryTable;
import io.dailycup.analytics.job.testing.TestDatabase;
import io.dailycup.analytics.job.testing.TruncateAndRepopulate;
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
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reader polling the summary while it is refreshed never sees it empty, missing a day, or with a
 * day half written; the same reader does catch the TRUNCATE-based refresh of the old scripts, so
 * the check can fail.
 */
class ReaderConsistencyTest {

  @RegisterExtension static final DatabaseExtension DB = new DatabaseExtension("readers");

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-03T15:00:00Z"), ZoneOffset.UTC);
  private static final String SUMMARY = "analytics_integration_messages_daily_mat";
  private static final TableName SOURCE = TableName.of("integration_messages");
  private static final RefreshWindow HISTORY =
      new RefreshWindow(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 12, 3), ZONE);

  private TestDatabase db;

  @BeforeEach
  void summaryThenLateRowsForEveryDay() throws SQLException {
    db = DB.database();
    db.dropAllTables();
    db.createSource();
    SampleMessages messages = new SampleMessages(31);
    messages.insertDays(db.dataSource(), SOURCE, HISTORY, 1_000);
    assertThat(refresh("--full").exitCode()).isZero();
    // Late rows change every day, so each day has a distinct before and after state.
    messages.insertLate(db.dataSource(), SOURCE, HISTORY, 1_500);
  }

  @Test
  void incrementalRefreshNeverShowsAnEmptyMissingOrHalfWrittenDay() throws Exception {
    Report report = readWhile(() -> assertThat(refresh("--days", "60").exitCode()).isZero());

    assertThat(report.badReads()).as(report.toString()).isZero();
    assertThat(SummaryReader.dayTotals(db.dataSource(), SUMMARY)).isEqualTo(expectedAfter());
  }

  @Test
  void fullRefreshNeverShowsAnEmptyMissingOrHalfWrittenDay() throws Exception {
    Report report = readWhile(() -> assertThat(refresh("--full").exitCode()).isZero());

    assertThat(report.badReads()).as(report.toString()).isZero();
    assertThat(SummaryReader.dayTotals(db.dataSource(), SUMMARY)).isEqualTo(expectedAfter());
  }

  @Test
  void theReaderCatchesTheTruncateAndRepopulateBaseline() throws Exception {
    Report report =
        readWhile(
            () ->
                TruncateAndRepopulate.run(db.dataSource(), SOURCE, TableName.of(SUMMARY), HISTORY));

    assertThat(report.emptyReads() + report.missingDayReads()).as(report.toString()).isPositive();
  }

  /**
   * Polls the summary while {@code refresh} runs: the reader is reading before it starts, and must
   * have read while it ran for the report to mean anything.
   */
  private Report readWhile(Action refresh) throws Exception {
    Map<LocalDate, DayTotals> before = SummaryReader.dayTotals(db.dataSource(), SUMMARY);
    Map<LocalDate, DayTotals> after = expectedAfter();
    long readsDuringRefresh;
    Report report;
    try (SummaryReader reader = new SummaryReader(db.dataSource(), SUMMARY, before, after)) {
      Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> reader.reads() >= 3);
      long readsBefore = reader.reads();
      refresh.run();
      readsDuringRefresh = reader.reads() - readsBefore;
      report = reader.stop();
    }
    assertThat(readsDuringRefresh).as("reads while the refresh ran").isPositive();
    return report;
  }

  private Map<LocalDate, DayTotals> expectedAfter() throws SQLException {
    Map<GroupKey, Measures> reference =
        SummaryTable.reference(db.dataSource(), ZONE, HISTORY.first(), HISTORY.last());
    Map<LocalDate, DayTotals> perDay = new HashMap<>();
    reference.forEach(
        (key, measures) ->
            perDay.merge(
                key.day(),
                new DayTotals(1, measures.messageCount()),
                (a, b) -> new DayTotals(a.rows() + b.rows(), a.messages() + b.messages())));
    return perDay;
  }

  private CliRun refresh(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "refresh";
    System.arraycopy(args, 0, full, 1, args.length);
    full[args.length + 1] = "--time-zone";
    full[args.length + 2] = ZONE.getId();
    return CliRun.run(db.env(), NOW, full);
  }

  @FunctionalInterface
  private interface Action {
    void run() throws Exception;
  }
}
