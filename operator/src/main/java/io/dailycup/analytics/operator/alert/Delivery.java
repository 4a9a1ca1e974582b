package io.dailycup.analytics.operator.alert;

/**
 * What became of one alert on one channel, for the Event, the metric and the audit record that
 * report it.
 *
 * @param channel the channel's name, such as {@code slack}
 * @param delivered whether the channel accepted the alert
 * @param attempts how many times it was tried (0 when the channel failed before trying)
 * @param detail a short reason for humans; never a secret or the webhook's URL
 */
public record Delivery(String channel, boolean delivered, int attempts, String detail) {}
