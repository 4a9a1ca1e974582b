package io.dailycup.analytics.job.verify;

/** The figures of one summary row; {@code maxProcessingMs} is null when none were processed. */
public record Measures(
    long messageCount,
    long processedCount,
    long totalProcessingMs,
    Long maxProcessingMs,
    long totalPayloadBytes) {

  @Override
  public String toString() {
    return "messages=%d processed=%d total_ms=%d max_ms=%s payload_bytes=%d"
        .formatted(
            messageCount, processedCount, totalProcessingMs, maxProcessingMs, totalPayloadBytes);
  }
}
