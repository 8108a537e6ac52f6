package io.paperboy.slack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through to Bolt only requests Slack really sent, fresh and for the first time, reading no
 * more of a body than Slack ever sends. Bolt checks signatures too, but only after its servlet
 * has read the whole body into a string and parsed it, so by then an oversized or malformed body
 * from anyone has already cost memory or thrown. Cheapest refusal first:
 * <ol>
 *   <li>a {@code Content-Length} over the cap: 413, nothing read;
 *   <li>no or malformed {@code X-Slack-Signature} / {@code X-Slack-Request-Timestamp}, or a
 *       timestamp more than five minutes from now either way (Slack's advice; Bolt only refuses
 *       old ones): 401, nothing read;
 *   <li>the body read, stopping at the cap: 413 when it goes past (a chunked body has no length);
 *       408 when it is still arriving after {@link #BODY_GRACE} at under
 *       {@link #MIN_BODY_BYTES_PER_SECOND};
 *   <li>{@code v0=hex(HMAC-SHA256(secret, "v0:" + ts + ":" + raw body))} compared in constant
 *       time with the header: 401 when different;
 *   <li>a signature already seen inside the window: 401 (a replay);
 * </ol>
 * then Bolt's servlet gets the request with exactly the bytes that were verified (and checks the
 * signature again, harmlessly). A body Bolt cannot parse is answered 400 with one log line, never
 * a stack trace. Every refusal is one log
 * line and a short JSON error without detail, and closes the connection (its body may be unread).
 */
final class SlackRequestGuard implements Filter {

  static final String SIGNATURE_HEADER = "X-Slack-Signature";
  static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  /** How far a request's timestamp may be from now, either way. */
  static final Duration WINDOW = Duration.ofMinutes(5);
  /**
   * A body still arriving this long after the guard began to read it, and slower on average than
   * {@link #MIN_BODY_BYTES_PER_SECOND} beyond that, is cut off (408): it holds a thread, and Slack
   * gives up on an answer after 3 s anyway.
   */
  static final Duration BODY_GRACE = Duration.ofSeconds(3);
  /** The slowest a body may arrive after {@link #BODY_GRACE}. */
  static final int MIN_BODY_BYTES_PER_SECOND = 8 * 1024;

  private static final Logger log = LoggerFactory.getLogger(SlackRequestGuard.class);
  private static final Pattern SIGNATURE = Pattern.compile("v0=([0-9a-fA-F]{64})");
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final String HMAC = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec key;
  private final Clock clock;
  private final int maxBodyBytes;
  private final SeenSignatures seen;

  /**
   * @param clock        the real time Slack dates its requests in (never a pinned test clock of
   *                     the digest domain)
   * @param maxBodyBytes the largest body read; see {@link SlackHttpServer#MAX_BODY_BYTES}
   */
  SlackRequestGuard(String signingSecret, Clock clock, int maxBodyBytes, SeenSignatures seen) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("HTTP mode needs the signing secret (SLACK_SIGNING_SECRET)");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), HMAC);
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    this.seen = seen;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    byte[] body;
    try {
      body = admit(request);
    } catch (Refusal refusal) {
      if (refusal.status == 503) {
        log.warn("Slack HTTP: refused a request from {}: {}", request.getRemoteAddr(), refusal.getMessage());
        response.setHeader("Retry-After", "60");
      } else {
        log.info("Slack HTTP: refused a request from {}: {}", request.getRemoteAddr(), refusal.getMessage());
      }
      refuse(response, refusal.status, refusal.error);
      return;
    }
    try {
      chain.doFilter(new VerifiedBodyRequest(request, body), response);
    } catch (RuntimeException e) {
      // Bolt's servlet catches what its handlers throw (answering 500 itself); what escapes it was
      // thrown while it parsed the body (URLDecoder on "%ZZ", Gson on "payload=notjson"): a
      // malformed body, however well signed
      log.warn("Slack HTTP: refused a signed request from {}: its body could not be parsed ({})",
          request.getRemoteAddr(), oneLine(e));
      if (!response.isCommitted()) {
        response.reset();
        refuse(response, 400, "bad request");
      }
    }
  }

  /** The verified body of a fresh, first-seen request Slack signed, or why not. */
  private byte[] admit(HttpServletRequest request) throws Refusal {
    long declared = request.getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw new Refusal(413, "a " + declared + "-byte body, refused unread (the limit is " + maxBodyBytes + " bytes)");
    }
    String timestamp = request.getHeader(TIMESTAMP_HEADER);
    String signature = request.getHeader(SIGNATURE_HEADER);
    if (signature == null || timestamp == null) {
      throw new Refusal(401, "no " + (signature == null ? SIGNATURE_HEADER : TIMESTAMP_HEADER) + " header");
    }
    Matcher hex = SIGNATURE.matcher(signature);
    if (!hex.matches()) {
      throw new Refusal(401, SIGNATURE_HEADER + " is not v0= and 64 hex digits");
    }
    if (!TIMESTAMP.matcher(timestamp).matches()) {
      throw new Refusal(401, TIMESTAMP_HEADER + " is not a number of seconds");
    }
    Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    Duration age = Duration.between(sentAt, clock.instant());
    if (age.abs().compareTo(WINDOW) > 0) {
      throw new Refusal(401, "it is dated " + age.abs().toSeconds() + " s in the " + (age.isNegative() ? "future" : "past")
          + ", more than " + WINDOW.toMinutes() + " minutes from now");
    }

    byte[] body;
    try {
      body = readAtMost(request.getInputStream(), declared, System.nanoTime())
          .orElseThrow(() -> new Refusal(413, "the body passed the " + maxBodyBytes + "-byte limit while being read"));
    } catch (IOException | RuntimeException e) { // a client gone, an idle timeout, bad chunking
      throw new Refusal(readFailure(e), "could not read the body: " + oneLine(e));
    }
    byte[] expected = sign(timestamp, body);
    if (!MessageDigest.isEqual(expected, HEX.parseHex(hex.group(1)))) {
      throw new Refusal(401, "the signature does not match the body");
    }
    // keyed by the MAC itself, so the same signature in other letter case is the same replay
    switch (seen.firstUse(HEX.formatHex(expected), sentAt)) {
      case REPLAY -> throw new Refusal(401, "its signature was already used (a replay)");
      case FULL -> throw new Refusal(503, "signed, but too many requests in the last " + WINDOW.toMinutes()
          + " minutes to remember them all for replay checks");
      case FIRST -> {
        return body;
      }
      default -> throw new AssertionError();
    }
  }

  /**
   * The body, or empty when it is longer than the cap; never holds more than the cap. A declared
   * length (already at most the cap) sizes the buffer exactly; an unknown one (chunked) grows it.
   *
   * <p>A slow body is judged here, not by Jetty's minimum request data rate: Jetty measures from
   * the body's first byte to each read, so a complete small body read late — the thread got the
   * CPU 40 ms after the bytes came, as happens on a loaded machine — counted as a slow client, and
   * the {@code BadMessageException} it threw from the read refused a valid request. Here only a
   * body that is still incomplete is judged, and only after {@link #BODY_GRACE}.
   *
   * @throws Refusal 408 when the body is still arriving past its allowance
   */
  private Optional<byte[]> readAtMost(InputStream in, long declared, long startNanos) throws IOException, Refusal {
    byte[] buffer = new byte[declared >= 0 ? (int) declared : Math.min(maxBodyBytes, 16 * 1024)];
    int length = 0;
    while (true) {
      if (declared < 0 || length < declared) { // a complete body is never too slow
        tooSlow(length, startNanos);
      }
      if (length == buffer.length) {
        int next = in.read();
        if (next < 0) {
          return Optional.of(buffer);
        }
        if (length >= maxBodyBytes) {
          return Optional.empty();
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(maxBodyBytes, Math.max(16, 2L * buffer.length)));
        buffer[length++] = (byte) next;
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        return Optional.of(length == buffer.length ? buffer : Arrays.copyOf(buffer, length));
      }
      length += n;
    }
  }

  /** Refuses a body still incomplete after {@link #BODY_GRACE} plus its bytes at the minimum rate. */
  private static void tooSlow(int received, long startNanos) throws Refusal {
    long allowedNanos = BODY_GRACE.toNanos() + 1_000_000_000L * received / MIN_BODY_BYTES_PER_SECOND;
    if (System.nanoTime() - startNanos > allowedNanos) {
      throw new Refusal(408, "its body was still arriving after " + BODY_GRACE.toSeconds() + " s (" + received
          + " bytes so far, under " + MIN_BODY_BYTES_PER_SECOND + " B/s)");
    }
  }

  /** 408 when the read timed out (the client went quiet), else 400 (gone, bad chunking). */
  private static int readFailure(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException) {
        return 408;
      }
    }
    return 400;
  }

  private byte[] sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC); // not thread-safe, cheap to make
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
    }
  }

  private static void refuse(HttpServletResponse response, int status, String error) throws IOException {
    byte[] json = ("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Connection", "close");
    response.setContentType("application/json");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }

  // an exception as one short log line: its type and message, no stack, no line breaks
  private static String oneLine(Throwable e) {
    String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    text = text.replaceAll("\\p{Cntrl}", " ");
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  /** Why a request is refused: its status, the short error it is told, and the log line. */
  private static final class Refusal extends Exception {
    final int status;
    final String error;

    Refusal(int status, String reason) {
      super(reason, null, false, false); // flow, not a fault: no stack trace to fill
      this.status = status;
      this.error = switch (status) {
        case 400 -> "bad request";
        case 408 -> "request timeout";
        case 413 -> "request body too large";
        case 503 -> "busy";
        default -> "invalid request";
      };
    }
  }

  @Override
  public void init(FilterConfig config) {
  }

  @Override
  public void destroy() {
  }
}
