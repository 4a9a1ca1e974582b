package io.dailycup.analytics.job.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runs of both images start their JVMs with what this reads out of the Dockerfiles. */
class DockerfilesTest {

  @TempDir Path directory;

  @Test
  void readsTheOptionsBetweenJavaAndJarAcrossContinuedLines() throws IOException {
    Path dockerfile =
        write(
            """
            FROM eclipse-temurin:17-jre
            ENTRYPOINT ["java", "-XX:+UseSerialGC", \\
                        "-Xss512k", \\
                        "-jar", "/opt/app.jar", "--flag"]
            """);

    assertThat(Dockerfiles.entrypointJvmOptions(dockerfile))
        .containsExactly("-XX:+UseSerialGC", "-Xss512k");
  }

  @Test
  void refusesAShellFormEntrypoint() throws IOException {
    Path dockerfile = write("FROM scratch\nENTRYPOINT java -jar /opt/app.jar\n");

    assertThatThrownBy(() -> Dockerfiles.entrypointJvmOptions(dockerfile))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no exec-form ENTRYPOINT");
  }

  @Test
  void refusesAnEntrypointThatIsNotJavaOrRunsNoJar() throws IOException {
    Path shell = write("FROM scratch\nENTRYPOINT [\"sh\", \"-c\", \"java -jar /opt/app.jar\"]\n");
    assertThatThrownBy(() -> Dockerfiles.entrypointJvmOptions(shell))
        .hasMessageContaining("does not start with java");

    Path mainClass =
        write("FROM scratch\nENTRYPOINT [\"java\", \"-cp\", \"/opt/lib/*\", \"Main\"]\n");
    assertThatThrownBy(() -> Dockerfiles.entrypointJvmOptions(mainClass))
        .hasMessageContaining("runs no -jar");
  }

  @Test
  void bothImagesOfThisProjectGiveOnlyJvmOptionsBeforeTheJar() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    for (String image : new String[] {"job-image", "operator"}) {
      assertThat(Dockerfiles.entrypointJvmOptions(root.resolve(image).resolve("Dockerfile")))
          .as(image)
          .isNotEmpty()
          .allMatch(option -> option.startsWith("-"));
    }
  }

  private Path write(String text) throws IOException {
    return Files.writeString(directory.resolve("Dockerfile"), text);
  }
}
