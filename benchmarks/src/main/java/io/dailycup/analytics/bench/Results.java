package io.dailycup.analytics.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One benchmark run: where it ran, how, and what it measured at each size.
 *
 * @param jobHeap the job's heap cap
 * @param jobJavaOptions the job JVM's options but the GC log, the heap cap among them
 * @param startAndExit the JVM starting and exiting with no database work ({@code --version})
 * @param loadAverages the machine's one-minute load average, sampled every 10 s through the run
 */
record Results(
    Machine machine,
    ServerFacts server,
    String serverKind,
    String jobHeap,
    List<String> jobJavaOptions,
    int warmUpRounds,
    int repeats,
    Instant started,
    Duration took,
    List<Double> loadAverages,
    List<Duration> startAndExit,
    List<SizeResult> sizes) {

  SizeResult largest() {
    return sizes.stream().max(Comparator.comparingLong(SizeResult::rows)).orElseThrow();
  }

  SizeResult smallest() {
    return sizes.stream().min(Comparator.comparingLong(SizeResult::rows)).orElseThrow();
  }

  List<JobRun> jobRuns() {
    return sizes.stream().flatMap(size -> size.jobRuns().stream()).toList();
  }
}
