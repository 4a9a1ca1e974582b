package io.dailycup.analytics.operator.alert;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to a Slack incoming webhook. Slack answers 429 with {@code Retry-After} when it rate
 * limits, and 5xx when it is briefly down: both are retried within the {@link RetryPolicy}. Any
 * other 4xx ({@code no_service}, {@code invalid_payload}, 403) means the webhook or the message is
 * wrong and will stay wrong, so it is reported at once. The webhook's URL is the credential: it
 * never appears in a {@link Delivery} or a log line.
 */
public final class SlackChannel implements AlertChannel {

  private static final Logger LOG = LoggerFactory.getLogger(SlackChannel.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** Slack's error bodies are short tokens; anything else is left out rather than repeated. */
  private static final Pattern SLACK_ERROR = Pattern.compile("[a-z_]{1,64}");

  private final OkHttpClient client;
  private final HttpUrl webhook;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Redaction redaction;

  /**
   * @param client an HTTP client with timeouts, such as {@link #defaultClient(Duration)}
   * @param webhookUrl the incoming webhook's URL, from a Secret
   * @param policy how long to keep trying
   * @param sleeper waits between attempts
   * @throws IllegalArgumentException when the URL is not an http(s) URL (the message omits it)
   */
  public SlackChannel(OkHttpClient client, String webhookUrl, RetryPolicy policy, Sleeper sleeper) {
    this.client = Objects.requireNonNull(client, "client");
    this.webhook =
        Optional.ofNullable(webhookUrl)
            .map(url -> HttpUrl.parse(url.trim()))
            .orElseThrow(
                () -> new IllegalArgumentException("the Slack webhook URL is not an http(s) URL"));
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.redaction = new Redaction(secretParts(webhookUrl.trim(), webhook));
  }

  /**
   * A client whose every step is bounded by {@code timeout}, so that a hung Slack cannot hold the
   * operator. It neither follows redirects (a webhook has none, and following one would send the
   * alert elsewhere) nor retries on its own (the {@link RetryPolicy} counts every request).
   */
  public static OkHttpClient defaultClient(Duration timeout) {
    return new OkHttpClient.Builder()
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public Delivery send(Alert alert) {
    try {
      return deliver(AlertMessages.slackJson(alert));
    } catch (RuntimeException e) {
      // OkHttp and Jackson throw unchecked exceptions too; the contract is to report, not throw.
      return new Delivery(name(), false, 0, "could not send: " + describe(e));
    }
  }

  private Delivery deliver(String json) {
    Request request =
        new Request.Builder().url(webhook).post(RequestBody.create(json, JSON)).build();
    for (int attempt = 1; ; attempt++) {
      Attempt outcome = post(request);
      if (outcome.delivered() || outcome.permanent() || attempt >= policy.maxAttempts()) {
        return outcome.toDelivery(name(), attempt);
      }
      Duration wait = outcome.retryAfter().orElse(policy.backoff(attempt));
      LOG.debug("Slack attempt {} failed ({}); retrying in {}", attempt, outcome.reason(), wait);
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Delivery(
            name(), false, attempt, outcome.reason() + "; interrupted before retry");
      }
    }
  }

  private Attempt post(Request request) {
    try (Response response = client.newCall(request).execute()) {
      return classify(response);
    } catch (InterruptedIOException e) {
      // OkHttp reports both its timeouts and an interrupt of this thread this way.
      return Thread.currentThread().isInterrupted()
          ? Attempt.permanentFailure("interrupted")
          : Attempt.retryable("timed out", Optional.empty());
    } catch (IOException e) {
      return Attempt.retryable(describe(e), Optional.empty());
    }
  }

  private Attempt classify(Response response) throws IOException {
    int code = response.code();
    String reason = "HTTP " + code + slackError(response);
    if (response.isSuccessful()) {
      return Attempt.success(reason);
    }
    if (code == 429) {
      return Attempt.retryable(reason, retryAfter(response).map(policy::retryAfter));
    }
    if (code >= 500) {
      return Attempt.retryable(reason, Optional.empty());
    }
    return Attempt.permanentFailure(reason);
  }

  /** Slack's reason, such as {@code no_service}, when the body is one; otherwise nothing. */
  private static String slackError(Response response) throws IOException {
    String body = response.peekBody(256).string().trim();
    return SLACK_ERROR.matcher(body).matches() ? " " + body : "";
  }

  /** Slack sends whole seconds; an HTTP date or garbage falls back to the backoff. */
  private static Optional<Duration> retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String describe(Exception e) {
    String message = redaction.clean(e.getMessage());
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  /**
   * The URL as given and as OkHttp prints it, its path, and each longer path segment: Slack's token
   * is in the path, and exception messages may quote any of these.
   */
  private static List<String> secretParts(String given, HttpUrl url) {
    List<String> parts = new ArrayList<>(List.of(given, url.toString(), url.encodedPath()));
    url.pathSegments().stream().filter(s -> s.length() >= 8).forEach(parts::add);
    url.encodedPathSegments().stream().filter(s -> s.length() >= 8).forEach(parts::add);
    if (url.encodedQuery() != null) {
      parts.add(url.encodedQuery());
    }
    return parts;
  }

  /** The result of one request. */
  private record Attempt(
      boolean delivered, boolean permanent, String reason, Optional<Duration> retryAfter) {

    static Attempt success(String reason) {
      return new Attempt(true, false, reason, Optional.empty());
    }

    static Attempt permanentFailure(String reason) {
      return new Attempt(false, true, reason, Optional.empty());
    }

    static Attempt retryable(String reason, Optional<Duration> retryAfter) {
      return new Attempt(false, false, reason, retryAfter);
    }

    Delivery toDelivery(String channel, int attempts) {
      if (delivered) {
        return new Delivery(channel, true, attempts, reason);
      }
      String why = permanent ? " (not retried)" : " (gave up after " + attempts + " attempts)";
      return new Delivery(channel, false, attempts, reason + why);
    }
  }
}
