package org.entropyharness.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The least a client can do against the same server: one blocking keep-alive socket per concurrent stream, a
 * prebuilt request, the response read by its Content-Length and not parsed. Its rate, taken back to back with the
 * client's, is what the machine allows at that moment, so the client can be judged against it on a machine shared
 * with other jobs, where the ideal rate is out of reach for any client.
 */
final class RawSocketReference {
  private RawSocketReference() {}

  /** Sends {@code requests} POSTs of a completions body over {@code concurrency} sockets and reads the answers. */
  static void send(URI base, int concurrency, int requests) throws IOException {
    byte[] request = request(base);
    AtomicInteger left = new AtomicInteger(requests);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Void>> streams = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        streams.add(pool.submit(() -> stream(base, request, left)));
      }
      for (Future<Void> stream : streams) {
        stream.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void stream(URI base, byte[] request, AtomicInteger left) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      while (left.getAndDecrement() > 0) {
        out.write(request);
        out.flush();
        readResponse(in);
      }
    }
    return null;
  }

  /** The body the client sends for a one-choice greedy completion, in one write with its headers. */
  private static byte[] request(URI base) {
    String body = "{\"model\":\"bench-model\",\"prompt\":\"Question 1: what is 1 + 1?\",\"logprobs\":20,\"n\":1,"
        + "\"seed\":1,\"max_tokens\":" + FixedLatencyOpenAiServer.TOKENS_PER_CHOICE
        + ",\"temperature\":0.0,\"top_p\":1.0}";
    String head = "POST " + base.getPath() + "/completions HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n";
    return (head + body).getBytes(StandardCharsets.US_ASCII);
  }

  private static void readResponse(InputStream in) throws IOException {
    String status = line(in);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("unexpected status line: " + status);
    }
    int length = -1;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).trim());
      }
    }
    if (length < 0 || in.readNBytes(length).length != length) {
      throw new IOException("response without a complete Content-Length body");
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed mid-response");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
