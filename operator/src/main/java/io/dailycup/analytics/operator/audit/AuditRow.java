package io.dailycup.analytics.operator.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One event for the audit table. The limits of the table's columns are checked here, when the row
 * is made, because a row the database refuses would fail its whole batch on every retry and hold up
 * the rows queued behind it.
 *
 * @param eventKey unique identity of the event (e.g. {@code "ns/name/job/<jobName>/finished"}), at
 *     most 191 characters: a second write of the same key is a no-op
 * @param occurredAt when it happened; stored in UTC to the millisecond
 * @param action what happened
 * @param actor who did it (a user, or the operator itself), at most 255 characters
 * @param target namespace/name of the resource and its table, at most 512 characters
 * @param outcome a short result word such as {@code succeeded}, at most 32 characters
 * @param runId the Job name, or null when no Job is involved; at most 253 characters
 * @param detailsJson a JSON object as text, or null; at most 65,535 bytes in UTF-8
 */
public record AuditRow(
    String eventKey,
    Instant occurredAt,
    AuditAction action,
    String actor,
    String target,
    String outcome,
    String runId,
    String detailsJson) {

  static final int MAX_EVENT_KEY = 191;
  static final int MAX_ACTOR = 255;
  static final int MAX_TARGET = 512;
  static final int MAX_OUTCOME = 32;
  static final int MAX_RUN_ID = 253;
  static final int MAX_DETAILS_BYTES = 65_535;

  public AuditRow {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(action, "action");
    requireText("eventKey", eventKey, MAX_EVENT_KEY);
    requireText("actor", actor, MAX_ACTOR);
    requireText("target", target, MAX_TARGET);
    requireText("outcome", outcome, MAX_OUTCOME);
    if (runId != null) {
      requireText("runId", runId, MAX_RUN_ID);
    }
    if (detailsJson != null) {
      requireJsonObject(detailsJson);
    }
  }

  private static void requireText(String field, String value, int maxLength) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.codePointCount(0, value.length()) > maxLength) {
      throw new IllegalArgumentException(
          field + " is longer than " + maxLength + " characters, the width of its column");
    }
  }

  /** A cheap check that catches a value that is not an object at all; not a JSON parser. */
  private static void requireJsonObject(String json) {
    String trimmed = json.strip();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      throw new IllegalArgumentException("detailsJson must be a JSON object");
    }
    if (json.getBytes(StandardCharsets.UTF_8).length > MAX_DETAILS_BYTES) {
      throw new IllegalArgumentException(
          "detailsJson is longer than " + MAX_DETAILS_BYTES + " bytes, the size of its column");
    }
  }
}
