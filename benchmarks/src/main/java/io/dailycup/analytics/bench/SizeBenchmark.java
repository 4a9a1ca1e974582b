package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.refresh.DayRange;
import io.dailycup.analytics.job.refresh.RefreshTables;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.sql.SchemaScript;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.testing.TestDatabase;
import io.dailycup.analytics.job.testing.TestServer;
import io.dailycup.analytics.job.testing.TruncateAndRepopulate;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark at one source size, in a database of its own: generate the source, warm up, then
 * repeat every scenario, each job run followed by the bare aggregate over the days it rebuilt, and
 * finally watch a reader during each approach.
 */
final class SizeBenchmark {

  static final TableName SOURCE = TableName.of(SchemaScript.SOURCE_TABLE);
  static final TableName SUMMARY = TableName.of(SchemaScript.SUMMARY_TABLE);
  private static final TableName SMALL_SOURCE = TableName.of("integration_messages_tenth");
  private static final TableName SMALL_SUMMARY = TableName.of("messages_daily_tenth");

  private final TestServer server;
  private final JobProcess jobs;
  private final int warmUpRounds;
  private final int repeats;
  private final long seed;
  private final LocalDate today;
  private final PrintStream log;
  private final List<JobJvm> startUpVariants;

  /** {@code startUpVariants}: the JVM options the start-up comparison runs the job with. */
  SizeBenchmark(
      TestServer server,
      JobProcess jobs,
      List<JobJvm> startUpVariants,
      int warmUpRounds,
      int repeats,
      long seed,
      LocalDate today,
      PrintStream log) {
    this.server = server;
    this.jobs = jobs;
    this.startUpVariants = startUpVariants;
    this.warmUpRounds = warmUpRounds;
    this.repeats = repeats;
    this.seed = seed;
    this.today = today;
    this.log = log;
  }

  SizeResult run(long rows) throws Exception {
    try (TestDatabase db = server.createDatabase("bench" + rows)) {
      SourceData.Loaded load = SourceData.load(db, SOURCE, rows, today, seed);
      log.printf(
          "%,d rows: generated in %.1f s (%,d rows/s, %,d late)%n",
          load.rows(), Stats.seconds(load.took()), load.rowsPerSecond(), load.lateRows());
      long smallRows = SourceData.copyThinned(db, SOURCE, SMALL_SOURCE, lastWeek());
      Map<Scenario, List<Measured>> runs = measure(db);
      Map<JobJvm, List<JobRun>> startUp = compareStartUp(db);
      BareAggregate bare = new BareAggregate(db.dataSource(), SOURCE);
      DayRange sampleDay = DayRange.of(today.minusDays(1), SourceData.ZONE);
      return new SizeResult(
          load,
          megabytes(db, SOURCE),
          db.queryLong("SELECT COUNT(*) FROM " + SUMMARY.quoted()),
          smallRows,
          runs,
          bare.explainSelect(sampleDay),
          bare.explainInsert(SUMMARY, sampleDay),
          watchReaders(db, load.days()),
          startUp);
    }
  }

  /**
   * The 7-day incremental with each set of JVM options, interleaved round by round so that a change
   * in the machine's load falls on every variant alike.
   */
  private Map<JobJvm, List<JobRun>> compareStartUp(TestDatabase db) throws Exception {
    Map<JobJvm, List<JobRun>> runs = new LinkedHashMap<>();
    for (int repeat = 1; repeat <= repeats; repeat++) {
      for (JobJvm jvm : startUpVariants) {
        JobRun run = jobs.with(jvm).refresh(db.env(), arguments(Scenario.INCREMENTAL));
        runs.computeIfAbsent(jvm, v -> new ArrayList<>()).add(run);
        log.printf(
            "  start-up %d/%d, %s: start-up %.3f s, process %.3f s%n",
            repeat, repeats, jvm.label(), Stats.seconds(run.startup()), Stats.seconds(run.wall()));
      }
    }
    return runs;
  }

  /** The warm-up rounds, then the measured ones. */
  private Map<Scenario, List<Measured>> measure(TestDatabase db) throws Exception {
    for (int round = 1; round <= warmUpRounds; round++) {
      measureRound(db, "warm-up " + round);
    }
    Map<Scenario, List<Measured>> runs = new EnumMap<>(Scenario.class);
    for (int repeat = 1; repeat <= repeats; repeat++) {
      measureRound(db, "repeat " + repeat + "/" + repeats)
          .forEach(
              (scenario, measured) ->
                  runs.computeIfAbsent(scenario, s -> new ArrayList<>()).add(measured));
    }
    return runs;
  }

  /**
   * Every scenario once: the job's process, then the bare aggregate over the days it rebuilt, then
   * the job's code in this JVM over the same days.
   */
  private Map<Scenario, Measured> measureRound(TestDatabase db, String name) throws Exception {
    Map<Scenario, Measured> round = new EnumMap<>(Scenario.class);
    for (Scenario scenario : Scenario.values()) {
      RefreshTables tables = tablesOf(scenario);
      JobRun job = jobs.refresh(db.env(), arguments(scenario));
      Duration bare = new BareAggregate(db.dataSource(), tables.source()).time(job.days());
      Duration inProcess =
          new InProcessRefresh(db.dataSource()).time(tables, scenario.mode(), job.days());
      round.put(scenario, new Measured(job, bare, inProcess));
      log.printf(
          "  %s, %s: job %.3f s (reported %.3f s, process %.3f s), bare SELECT %.3f s,"
              + " in-process %.3f s%n",
          name,
          scenario.label(),
          Stats.seconds(job.refresh()),
          Stats.seconds(job.reported()),
          Stats.seconds(job.wall()),
          Stats.seconds(bare),
          Stats.seconds(inProcess));
    }
    return round;
  }

  /** A reader polls the summary during the job's refreshes and the old TRUNCATE approach. */
  private List<Availability.Watched> watchReaders(TestDatabase db, RefreshWindow year)
      throws Exception {
    Availability availability = new Availability(db, SOURCE, SUMMARY, year, seed + 1);
    List<Availability.Watched> watched = new ArrayList<>();
    watched.add(
        availability.watch(
            Approach.JOB_FULL, year, () -> jobs.refresh(db.env(), arguments(Scenario.FULL))));
    watched.add(
        availability.watch(
            Approach.TRUNCATE_AND_REPOPULATE,
            year,
            () -> TruncateAndRepopulate.run(db.dataSource(), SOURCE, SUMMARY, year)));
    watched.add(
        availability.watch(
            Approach.JOB_INCREMENTAL,
            lastWeek(),
            () -> jobs.refresh(db.env(), arguments(Scenario.INCREMENTAL))));
    watched.add(
        availability.watch(
            Approach.JOB_BACKFILL,
            backfillDays(),
            () -> jobs.refresh(db.env(), arguments(Scenario.BACKFILL))));
    for (Availability.Watched one : watched) {
      log.printf("  reader during %s: %s%n", one.approach().label(), one.report());
    }
    return watched;
  }

  private List<String> arguments(Scenario scenario) {
    return switch (scenario) {
      case FULL -> List.of("--full");
      case INCREMENTAL -> List.of("--days", "7");
      case BACKFILL ->
          List.of(
              "--from",
              backfillDays().first().toString(),
              "--to",
              backfillDays().last().toString());
      case INCREMENTAL_SMALL_TABLE ->
          List.of(
              "--days",
              "7",
              "--source-table",
              SMALL_SOURCE.name(),
              "--target-table",
              SMALL_SUMMARY.name());
    };
  }

  private static RefreshTables tablesOf(Scenario scenario) {
    return scenario == Scenario.INCREMENTAL_SMALL_TABLE
        ? new RefreshTables(SMALL_SOURCE, SMALL_SUMMARY)
        : new RefreshTables(SOURCE, SUMMARY);
  }

  private RefreshWindow lastWeek() {
    return RefreshWindow.lastDays(7, today, SourceData.ZONE);
  }

  /** 30 days that end a week ago: history, not the days the incremental refresh covers. */
  private RefreshWindow backfillDays() {
    return new RefreshWindow(today.minusDays(36), today.minusDays(7), SourceData.ZONE);
  }

  private static long megabytes(TestDatabase db, TableName table) throws SQLException {
    return db.queryLong(
            "SELECT data_length + index_length FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?",
            table.name())
        >> 20;
  }
}
