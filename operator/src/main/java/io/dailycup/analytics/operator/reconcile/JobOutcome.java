package io.dailycup.analytics.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dailycup.analytics.operator.alert.Redaction;
import io.dailycup.analytics.operator.model.RunResult;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * How a finished Job ended: from its conditions, refined by the one-line JSON result the refresh
 * job writes as its termination message (see docs/refresh-job.md).
 */
record JobOutcome(
    RunResult result,
    String mode,
    Integer days,
    Long rowsWritten,
    Double durationSeconds,
    String message,
    Instant finishedAt) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The job's exit code for "another run held the lock". */
  private static final int SKIPPED_EXIT_CODE = 3;

  /** Whether the Job has finished, one way or the other. */
  static boolean isFinished(Job job) {
    return finishingCondition(job).isPresent();
  }

  static Instant finishedAt(Job job) {
    return finishingCondition(job)
        .map(JobCondition::getLastTransitionTime)
        .map(Times::parse)
        .orElse(Instant.EPOCH);
  }

  /** Reads a finished Job; {@code terminationMessage} is the job container's, if any. */
  static JobOutcome of(Job job, Optional<String> terminationMessage) {
    JobCondition finished = finishingCondition(job).orElseThrow();
    boolean complete = "Complete".equals(finished.getType());
    Optional<JsonNode> json = terminationMessage.flatMap(JobOutcome::parse);
    RunResult result =
        json.map(JobOutcome::result).orElse(complete ? RunResult.SUCCEEDED : RunResult.FAILED);
    String message =
        json.map(node -> node.path("message").asText(""))
            .filter(text -> !text.isEmpty())
            .or(() -> terminationMessage.map(JobOutcome::lastLine).filter(text -> !text.isEmpty()))
            .orElse(conditionMessage(finished, complete));
    return new JobOutcome(
        result,
        json.map(node -> node.path("mode").asText(null)).orElse(null),
        json.filter(node -> node.hasNonNull("days"))
            .map(node -> node.get("days").asInt())
            .orElse(null),
        json.filter(node -> node.hasNonNull("rowsWritten"))
            .map(node -> node.get("rowsWritten").asLong())
            .orElse(null),
        json.filter(node -> node.hasNonNull("durationSeconds"))
            .map(node -> node.get("durationSeconds").asDouble())
            .orElse(null),
        message,
        finishedAt(job));
  }

  /** The same outcome with every secret masked in its message. */
  JobOutcome redacted(Redaction redaction) {
    return new JobOutcome(
        result, mode, days, rowsWritten, durationSeconds, redaction.mask(message), finishedAt);
  }

  private static RunResult result(JsonNode json) {
    if (json.path("exitCode").asInt(-1) == SKIPPED_EXIT_CODE
        || "Skipped".equals(json.path("result").asText())) {
      return RunResult.SKIPPED;
    }
    return "Succeeded".equals(json.path("result").asText())
        ? RunResult.SUCCEEDED
        : RunResult.FAILED;
  }

  private static Optional<JsonNode> parse(String message) {
    try {
      JsonNode node = JSON.readTree(message.strip());
      return node != null && node.isObject() && node.has("result")
          ? Optional.of(node)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // a log tail (FallbackToLogsOnError), not the job's JSON
    }
  }

  /** The last non-empty line of a log tail: usually the error. */
  private static String lastLine(String text) {
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .reduce((a, b) -> b)
        .orElse("");
  }

  private static String conditionMessage(JobCondition condition, boolean complete) {
    if (complete) {
      return "the Job completed";
    }
    String reason = condition.getReason() == null ? "Failed" : condition.getReason();
    return condition.getMessage() == null ? reason : reason + ": " + condition.getMessage();
  }

  private static Optional<JobCondition> finishingCondition(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> "True".equals(c.getStatus()))
        .filter(c -> "Complete".equals(c.getType()) || "Failed".equals(c.getType()))
        .findFirst();
  }
}
