package io.actmix.experiments.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server with UCI's dataset API: {@code /api/dataset?id=N} answers with JSON
 * whose {@code data.data_url} is {@code /static/data.csv}, which serves the given bytes, whole or
 * cut short: the full length is announced, then the connection is closed after {@code sentBytes}.
 * One connection at a time, each closed after its response.
 */
final class LocalUciServer implements AutoCloseable {

  private static final byte[] API_ANSWER =
      "{\"status\":200,\"data\":{\"data_url\":\"/static/data.csv\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private final ServerSocket socket;
  private final byte[] body;
  private final int sentBytes;
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  LocalUciServer(byte[] body, int sentBytes) throws IOException {
    this.socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    this.body = body;
    this.sentBytes = sentBytes;
    this.acceptor = new Thread(this::serve, "local-uci-server");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
        String requestLine = in.readLine();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          // Skip the request headers.
        }
        requests.incrementAndGet();
        OutputStream out = connection.getOutputStream();
        if (requestLine != null && requestLine.contains("/api/dataset")) {
          respond(out, API_ANSWER, API_ANSWER.length);
        } else {
          respond(out, body, Math.min(sentBytes, body.length));
        }
      } catch (IOException e) {
        // Closed by close(), or the client hung up: either way, the next accept decides.
      }
    }
  }

  private static void respond(OutputStream out, byte[] content, int sent) throws IOException {
    String head =
        "HTTP/1.1 200 OK\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(content, 0, sent);
    out.flush();
  }

  /** The server's root, ending in {@code /}. */
  URI base() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
  }

  /** How many requests the server answered. */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
