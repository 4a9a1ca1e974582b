package io.dailycup.analytics.operator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {

  private final AlertDispatcher dispatcher = new AlertDispatcher();

  @Test
  void aThrowingAndAFailingChannelDoNotStopAHealthyOne() {
    Recording healthy = new Recording("email");
    AlertChannel throwing =
        channel(
            "broken",
            alert -> {
              throw new IllegalStateException(
                  "boom with https://hooks.slack.com/services/T/B/secret");
            });
    AlertChannel failing = channel("slack", alert -> new Delivery("slack", false, 3, "HTTP 500"));

    List<Delivery> deliveries =
        dispatcher.dispatch(Alerts.failure(), List.of(throwing, failing, healthy));

    assertThat(healthy.received).containsExactly(Alerts.failure());
    assertThat(deliveries)
        .containsExactly(
            new Delivery("broken", false, 0, "failed unexpectedly: IllegalStateException"),
            new Delivery("slack", false, 3, "HTTP 500"),
            new Delivery("email", true, 1, "sent"));
  }

  @Test
  void aWaitingChannelDoesNotHoldBackTheOthers() {
    Recording fast = new Recording("email");
    // Delivers only if the other channel sends while this one still waits, as it would not if
    // the channels ran one after the other in this order.
    AlertChannel waiting =
        channel("slack", alert -> new Delivery("slack", awaitQuietly(fast.sent), 1, "waited"));

    List<Delivery> deliveries = dispatcher.dispatch(Alerts.failure(), List.of(waiting, fast));

    assertThat(deliveries).extracting(Delivery::delivered).containsExactly(true, true);
  }

  @Test
  void returnsNothingForNoChannels() {
    assertThat(dispatcher.dispatch(Alerts.failure(), List.of())).isEmpty();
  }

  private static AlertChannel channel(String name, Function<Alert, Delivery> f) {
    return new AlertChannel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Delivery send(Alert alert) {
        return f.apply(alert);
      }
    };
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A channel that always delivers and remembers what it was given. */
  private static final class Recording implements AlertChannel {
    final List<Alert> received = new CopyOnWriteArrayList<>();
    final CountDownLatch sent = new CountDownLatch(1);
    private final String name;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Delivery send(Alert alert) {
      received.add(alert);
      sent.countDown();
      return new Delivery(name, true, 1, "sent");
    }
  }
}
