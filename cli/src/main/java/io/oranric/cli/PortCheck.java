package io.oranric.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

final class PortCheck {
  private PortCheck() {}

  /** Fails early with the option to change, instead of a bind error deep inside a server. */
  static void requireFree(String host, int port, String option) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IllegalArgumentException("port " + port + " on " + host + " is in use; choose another with " + option);
    }
  }
}
