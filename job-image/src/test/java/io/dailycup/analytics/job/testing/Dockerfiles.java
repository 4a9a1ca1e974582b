package io.dailycup.analytics.job.testing;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what an image's Dockerfile tells its JVM, so that local runs start it the same way. */
public final class Dockerfiles {

  private Dockerfiles() {}

  /** The options between {@code java} and {@code -jar} in the Dockerfile's exec-form ENTRYPOINT. */
  public static List<String> entrypointJvmOptions(Path dockerfile) throws IOException {
    String text = joinedLines(dockerfile);
    Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT\\s*\\[(.*)\\]").matcher(text);
    if (!entrypoint.find()) {
      throw new IllegalStateException(dockerfile + " has no exec-form ENTRYPOINT");
    }
    List<String> words = new ArrayList<>();
    Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(entrypoint.group(1));
    while (word.find()) {
      words.add(word.group(1));
    }
    if (words.isEmpty() || !words.get(0).equals("java")) {
      throw new IllegalStateException(dockerfile + ": the ENTRYPOINT does not start with java");
    }
    int jar = words.indexOf("-jar");
    if (jar < 0) {
      throw new IllegalStateException(dockerfile + ": the ENTRYPOINT runs no -jar");
    }
    return words.subList(1, jar);
  }

  /**
   * The build-context paths the Dockerfile's {@code COPY} instructions copy, each relative to the
   * context; the destination and any {@code --chown}-style flag left out.
   */
  public static List<String> copiedPaths(Path dockerfile) throws IOException {
    String text = joinedLines(dockerfile);
    List<String> paths = new ArrayList<>();
    Matcher copy = Pattern.compile("(?m)^COPY\\s+(.*)$").matcher(text);
    while (copy.find()) {
      List<String> words =
          List.of(copy.group(1).trim().split("\\s+")).stream()
              .filter(word -> !word.startsWith("--"))
              .toList();
      paths.addAll(words.subList(0, words.size() - 1));
    }
    return paths;
  }

  /** The Dockerfile's text with each continued line joined to the next. */
  private static String joinedLines(Path dockerfile) throws IOException {
    return Files.readString(dockerfile).replace("\\\n", " ");
  }

  /**
   * Whether the build context's {@code .dockerignore} leaves {@code path} out: as in Docker, the
   * last glob that matches the path or one of its parent directories decides, and a pattern that
   * starts with {@code !} brings a path back.
   */
  public static boolean ignored(Path context, String path) throws IOException {
    Path ignoreFile = context.resolve(".dockerignore");
    if (!Files.exists(ignoreFile)) {
      return false;
    }
    boolean ignored = false;
    for (String line : Files.readAllLines(ignoreFile)) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean bringsBack = pattern.startsWith("!");
      String glob = bringsBack ? pattern.substring(1).strip() : pattern;
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      for (Path part = Path.of(path); part != null; part = part.getParent()) {
        if (matcher.matches(part)) {
          ignored = !bringsBack;
          break;
        }
      }
    }
    return ignored;
  }
}
