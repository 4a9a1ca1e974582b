package io.dailycup.analytics.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything measured at one source size.
 *
 * @param load how the source was generated
 * @param sourceMegabytes the source table's data and indexes on disk
 * @param summaryRows rows of the summary after a full refresh
 * @param smallTableRows rows of the thinned copy of {@link Scenario#INCREMENTAL_SMALL_TABLE}
 * @param runs each scenario's repeats, job and bare aggregate side by side
 * @param explainSelect EXPLAIN of the bare aggregate of one day
 * @param explainInsert EXPLAIN of the job's INSERT … SELECT of the same day
 * @param availability what a polling reader saw during each approach
 * @param startUp the 7-day incremental's runs with each set of JVM options, in the order run
 */
record SizeResult(
    SourceData.Loaded load,
    long sourceMegabytes,
    long summaryRows,
    long smallTableRows,
    Map<Scenario, List<Measured>> runs,
    List<String> explainSelect,
    List<String> explainInsert,
    List<Availability.Watched> availability,
    Map<JobJvm, List<JobRun>> startUp) {

  long rows() {
    return load.rows();
  }

  /** Every job run at this size, whatever it refreshed. */
  List<JobRun> jobRuns() {
    return runs.values().stream().flatMap(Collection::stream).map(Measured::job).toList();
  }

  /** The job's statements that rebuild the days: {@link JobRun#refresh()}. */
  double medianRefreshSeconds(Scenario scenario) {
    return Stats.median(runs.get(scenario), m -> Stats.seconds(m.job().refresh()));
  }

  /** The run as the job reports it: {@link JobRun#reported()}. */
  double medianReportedSeconds(Scenario scenario) {
    return Stats.median(runs.get(scenario), m -> Stats.seconds(m.job().reported()));
  }

  double medianWallSeconds(Scenario scenario) {
    return Stats.median(runs.get(scenario), m -> Stats.seconds(m.job().wall()));
  }

  double medianBareSeconds(Scenario scenario) {
    return Stats.median(runs.get(scenario), m -> Stats.seconds(m.bare()));
  }

  /** The job's code in the benchmark's warm JVM: {@link Measured#inProcess()}. */
  double medianInProcessSeconds(Scenario scenario) {
    return Stats.median(runs.get(scenario), m -> Stats.seconds(m.inProcess()));
  }

  double medianInProcessRatio(Scenario scenario) {
    return Stats.median(runs.get(scenario), Measured::inProcessRatio);
  }

  /** The median of the repeats' ratios, each of a job run and the bare aggregate after it. */
  double medianRatio(Scenario scenario) {
    return Stats.median(runs.get(scenario), Measured::ratio);
  }
}
