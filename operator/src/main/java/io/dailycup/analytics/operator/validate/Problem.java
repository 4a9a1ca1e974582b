package io.dailycup.analytics.operator.validate;

/** One reason a resource cannot be acted on, with a message that says what to fix. */
public record Problem(StalledReason reason, String message) {}
