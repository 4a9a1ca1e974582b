package io.dailycup.analytics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches a process's peak resident memory, Linux's {@code VmHWM}, while it runs. The kernel keeps
 * the high-water mark, so sampling only has to catch the last value before the process exits; where
 * there is no {@code /proc} the peak stays 0.
 */
final class ResidentMemory implements AutoCloseable {

  private static final long SAMPLE_MILLIS = 10;

  private final Path status;
  private final AtomicLong peakBytes = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private ResidentMemory(long pid) {
    this.status = Path.of("/proc", String.valueOf(pid), "status");
    this.sampler = new Thread(this::sampleUntilStopped, "rss-" + pid);
    sampler.setDaemon(true);
    sampler.start();
  }

  static ResidentMemory watch(long pid) {
    return new ResidentMemory(pid);
  }

  long peakBytes() {
    return peakBytes.get();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }

  private void sampleUntilStopped() {
    while (running) {
      peakBytes.accumulateAndGet(highWaterMark(), Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** "VmHWM: 123456 kB", or 0 once the process is gone. */
  private long highWaterMark() {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // The process has exited, or this is not Linux: no sample.
    }
    return 0;
  }
}
