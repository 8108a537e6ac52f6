package io.paperboy.slack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP/1.1 POSTs over a plain socket, for what ordinary clients will not send: a
 * {@code Content-Length} without its body, a chunked body that never ends, and a large body
 * written while the answer is read on the same connection (a server that answers early and stops
 * reading makes an ordinary client fail on its write before it looks at the answer).
 */
final class RawHttp {

  private static final int READ_TIMEOUT_MILLIS = 60_000; // a safety net against a hang, not a measure
  private static final byte[] FILLER = filler(64 * 1024);

  /** How the body goes out. */
  enum Framing { CONTENT_LENGTH, CHUNKED }

  /**
   * A body: {@code prefix}, then filler bytes ({@code a}) up to {@code length} bytes in all;
   * {@code sendBytes} false sends only the headers, {@code finish} false leaves a chunked body
   * without its last chunk.
   */
  record Body(Framing framing, byte[] prefix, long length, boolean sendBytes, boolean finish) {

    /** The whole body, framed, including the end of a chunked one. */
    static Body of(Framing framing, byte[] bytes) {
      return new Body(framing, bytes, bytes.length, true, true);
    }

    /** {@code length} bytes of {@code text=aaaa…}, framed, ended. */
    static Body filler(Framing framing, long length) {
      return new Body(framing, "text=".getBytes(StandardCharsets.US_ASCII), length, true, true);
    }

    /** Only the headers, declaring {@code length} bytes that are never sent. */
    static Body declaredOnly(long length) {
      return new Body(Framing.CONTENT_LENGTH, new byte[0], length, false, false);
    }

    /** {@code length} bytes in chunks and no final chunk: the server cannot know the body's size. */
    static Body endlessChunks(long length) {
      return new Body(Framing.CHUNKED, "text=".getBytes(StandardCharsets.US_ASCII), length, true, false);
    }

    /** Hands the body's bytes to {@code sink} piece by piece (to send or to sign it). */
    void feed(BiConsumer<byte[], Integer> sink) {
      long left = length;
      int head = (int) Math.min(prefix.length, left);
      sink.accept(prefix, head);
      left -= head;
      while (left > 0) {
        int n = (int) Math.min(FILLER.length, left);
        sink.accept(FILLER, n);
        left -= n;
      }
    }
  }

  /** An answer: status, headers (names in lower case), body text, and how many body bytes went out. */
  record Answer(int status, Map<String, String> headers, String body, long bodyBytesSent) {}

  private RawHttp() {}

  /** Slack's two headers for {@code body} sent at {@code timestamp}, signed with {@code secret}. */
  static Map<String, String> signedHeaders(String secret, String timestamp, Body body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      body.feed((bytes, n) -> mac.update(bytes, 0, n));
      return Map.of("X-Slack-Request-Timestamp", timestamp,
          "X-Slack-Signature", "v0=" + HexFormat.of().formatHex(mac.doFinal()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static Answer post(URI url, Map<String, String> headers, Body body) throws IOException, InterruptedException {
    Socket socket = new Socket(url.getHost(), url.getPort());
    Thread writer = null;
    try {
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      StringBuilder head = new StringBuilder("POST " + url.getRawPath() + " HTTP/1.1\r\n")
          .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
          .append("Content-Type: application/x-www-form-urlencoded\r\n");
      head.append(body.framing() == Framing.CHUNKED ? "Transfer-Encoding: chunked\r\n"
          : "Content-Length: " + body.length() + "\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();

      AtomicLong sent = new AtomicLong();
      writer = new Thread(() -> writeBody(out, body, sent), "raw-http-body");
      writer.setDaemon(true);
      writer.start();
      return read(socket.getInputStream(), sent);
    } finally {
      socket.close(); // also stops a writer still blocked on a full socket
      if (writer != null) {
        writer.join();
      }
    }
  }

  // writes until done or the server stops reading (an IOException: it answered and closed)
  private static void writeBody(OutputStream out, Body body, AtomicLong sent) {
    if (!body.sendBytes()) {
      return;
    }
    try {
      body.feed((bytes, n) -> {
        try {
          if (body.framing() == Framing.CHUNKED) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          } else {
            out.write(bytes, 0, n);
          }
          sent.addAndGet(n);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      if (body.framing() == Framing.CHUNKED && body.finish()) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException | UncheckedIOException e) {
      // the server closed the connection: expected when it refuses a body
    }
  }

  private static Answer read(InputStream in, AtomicLong sent) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + statusLine);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    byte[] content;
    if (headers.containsKey("content-length")) {
      content = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
        all.write(in.readNBytes(size));
        line(in);
      }
      content = all.toByteArray();
    } else {
      content = in.readAllBytes();
    }
    return new Answer(Integer.parseInt(parts[1]), headers, new String(content, StandardCharsets.UTF_8), sent.get());
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection ended inside the answer's head: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static byte[] filler(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'a');
    return bytes;
  }
}
