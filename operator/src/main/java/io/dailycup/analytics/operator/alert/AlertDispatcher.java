package io.dailycup.analytics.operator.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one alert to every channel at once, each on its own thread, so that a channel that waits
 * (Slack's rate limit, a slow SMTP server) or fails does not hold back or stop another. Returns a
 * {@link Delivery} per channel, in the channels' order, for the caller to report; a channel that
 * throws despite its contract becomes a failed Delivery.
 *
 * <p>{@link #dispatch} returns when the slowest channel is done, which each channel bounds with its
 * timeouts and retry policy (about half a minute with the defaults). A caller on a reconcile thread
 * holds that thread as long; running dispatch on an executor of the caller's would free it.
 */
public final class AlertDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

  private static final ThreadFactory THREADS =
      runnable -> {
        Thread thread = new Thread(runnable, "alert-channel");
        // An alert must never keep the operator's JVM from exiting.
        thread.setDaemon(true);
        return thread;
      };

  /** Sends to every channel independently; one failing (or throwing) never stops another. */
  public List<Delivery> dispatch(Alert alert, List<AlertChannel> channels) {
    if (channels.isEmpty()) {
      return List.of();
    }
    ExecutorService executor = Executors.newFixedThreadPool(channels.size(), THREADS);
    try {
      List<Future<Delivery>> futures = new ArrayList<>();
      for (AlertChannel channel : channels) {
        futures.add(executor.submit(() -> sendSafely(channel, alert)));
      }
      List<Delivery> deliveries = new ArrayList<>();
      for (int i = 0; i < channels.size(); i++) {
        deliveries.add(await(channels.get(i), futures.get(i)));
      }
      deliveries.forEach(delivery -> log(alert, delivery));
      return List.copyOf(deliveries);
    } finally {
      // Interrupts channels still running after an interrupt of this thread; they give up.
      executor.shutdownNow();
    }
  }

  private static Delivery sendSafely(AlertChannel channel, Alert alert) {
    try {
      return channel.send(alert);
    } catch (RuntimeException e) {
      // The message could hold anything the channel knew, secrets included: name the type only.
      return new Delivery(
          channel.name(), false, 0, "failed unexpectedly: " + e.getClass().getSimpleName());
    }
  }

  private static Delivery await(AlertChannel channel, Future<Delivery> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new Delivery(channel.name(), false, 0, "interrupted");
    } catch (ExecutionException | CancellationException e) {
      // sendSafely catches every RuntimeException; an Error lands here.
      return new Delivery(channel.name(), false, 0, "failed unexpectedly: " + describe(e));
    }
  }

  private static String describe(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return cause.getClass().getSimpleName();
  }

  private static void log(Alert alert, Delivery delivery) {
    if (delivery.delivered()) {
      LOG.info("{} alert for {} sent by {}", alert.type(), alert.resource(), delivery.channel());
    } else {
      LOG.warn(
          "{} alert for {} not sent by {}: {}",
          alert.type(),
          alert.resource(),
          delivery.channel(),
          delivery.detail());
    }
  }
}
