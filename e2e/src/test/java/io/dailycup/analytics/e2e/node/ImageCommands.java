package io.dailycup.analytics.e2e.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the node agent runs for an image, in place of pulling it: the refresh job image becomes the
 * job's standalone jar on a local JVM, with the image's entrypoint options.
 */
public final class ImageCommands {

  private static final String REFRESH_JOB_REPOSITORY = "analytics-refresh-job";

  private final Path refreshJobJar;

  public ImageCommands(Path refreshJobJar) {
    this.refreshJobJar = refreshJobJar;
  }

  /** The entrypoint for {@code image}; empty for an image the agent cannot run. */
  Optional<List<String>> entrypoint(String image) {
    if (!repository(image).endsWith("/" + REFRESH_JOB_REPOSITORY)
        && !repository(image).equals(REFRESH_JOB_REPOSITORY)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // As job-image/Dockerfile, less MaxRAMPercentage: there is no container memory limit here.
    command.addAll(List.of("-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError", "-Xmx256m"));
    command.addAll(List.of("-jar", refreshJobJar.toString()));
    return Optional.of(command);
  }

  private static String repository(String image) {
    int digest = image.indexOf('@');
    String withoutDigest = digest < 0 ? image : image.substring(0, digest);
    int colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, colon)
        : withoutDigest;
  }
}
