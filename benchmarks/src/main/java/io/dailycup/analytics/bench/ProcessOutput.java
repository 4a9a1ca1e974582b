package io.dailycup.analytics.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one output stream of a child process as it is written, noting when each line arrived
 * ({@link System#nanoTime()}). The job flushes every progress line, so a line arrives when the job
 * printed it.
 */
final class ProcessOutput {

  /** A line and when it arrived. */
  record Line(long nanos, String text) {}

  private final List<Line> lines = new ArrayList<>();
  private final Thread reader;

  private ProcessOutput(InputStream stream, String name) {
    this.reader = new Thread(() -> readAll(stream), name);
    reader.setDaemon(true);
    reader.start();
  }

  static ProcessOutput follow(InputStream stream, String name) {
    return new ProcessOutput(stream, name);
  }

  /** Waits for the end of the stream and returns every line of it. */
  List<Line> lines() throws InterruptedException {
    reader.join();
    synchronized (this) {
      return List.copyOf(lines);
    }
  }

  private void readAll(InputStream stream) {
    try (BufferedReader text =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = text.readLine(); line != null; line = text.readLine()) {
        Line arrived = new Line(System.nanoTime(), line);
        synchronized (this) {
          lines.add(arrived);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
