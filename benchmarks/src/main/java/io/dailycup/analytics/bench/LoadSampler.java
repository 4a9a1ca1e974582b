package io.dailycup.analytics.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples the machine's one-minute load average while the benchmark runs: on a shared machine,
 * other work competing for the cores is the first thing to know about a figure.
 */
final class LoadSampler implements AutoCloseable {

  private static final long SAMPLE_MILLIS = 10_000;

  private final List<Double> samples = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  LoadSampler() {
    sample();
    this.sampler = new Thread(this::sampleUntilStopped, "load-average");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The samples so far, the first taken at the start. */
  synchronized List<Double> samples() {
    return List.copyOf(samples);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join();
    sample();
  }

  private void sampleUntilStopped() {
    while (running) {
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      sample();
    }
  }

  private void sample() {
    double load = Machine.loadAverage();
    if (!Double.isNaN(load)) {
      synchronized (this) {
        samples.add(load);
      }
    }
  }
}
