package io.dailycup.analytics.e2e.cluster;

import java.io.IOException;
import java.net.ServerSocket;

/** Loopback ports for the programs the tests start. */
public final class LocalPorts {

  private LocalPorts() {}

  /**
   * A port free at the time of asking. Another process may take it before the program binds it; on
   * a test machine that race is rare enough to accept.
   */
  public static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
