package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.testing.JobImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the job runs with. The image's come from job-image/Dockerfile's ENTRYPOINT: they
 * map a class-data-sharing archive made by the image's own script and use only the quick compiler.
 * The start-up comparison also runs the job without those two, to show what each is worth.
 *
 * @param label how the report names these options
 * @param options the JVM options, beyond the GC log
 */
record JobJvm(String label, List<String> options) {

  private static final String CLASS_ARCHIVE = "-XX:SharedArchiveFile=";
  private static final String QUICK_COMPILER_ONLY = "-XX:TieredStopAtLevel=";

  /**
   * The image's options, with its class archive at {@code archive}, the heap capped at {@code
   * maxHeap} instead of sized from a container's memory limit, and {@code extra} added.
   */
  static JobJvm image(JobImage image, Path archive, String maxHeap, List<String> extra)
      throws IOException {
    List<String> options = new ArrayList<>(image.jvmOptions(archive, maxHeap));
    options.addAll(extra);
    return new JobJvm("the image's", List.copyOf(options));
  }

  /**
   * The variants the start-up comparison runs, interleaved: these options without the class archive
   * and the compiler limit, without the compiler limit, and as they are (the last).
   */
  List<JobJvm> startUpVariants() {
    return List.of(
        without("without class archive and compiler limit", CLASS_ARCHIVE, QUICK_COMPILER_ONLY),
        without("without compiler limit", QUICK_COMPILER_ONLY),
        this);
  }

  private JobJvm without(String change, String... prefixes) {
    List<String> kept =
        options.stream()
            .filter(option -> List.of(prefixes).stream().noneMatch(option::startsWith))
            .toList();
    return new JobJvm(label + ", " + change, kept);
  }
}
