package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.paperboy.testkit.slack.SignedRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Slack HTTP mode refuses what Slack did not send, before anything parses it (real Jetty + Bolt)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackRequestGuardTest {

  private static final int TEN_MB = 10 * 1024 * 1024;
  private static final String SECRET = HttpModeFixture.SIGNING_SECRET;
  private HttpModeFixture slack;

  @BeforeAll
  void start() throws Exception {
    slack = HttpModeFixture.start();
  }

  @AfterAll
  void stop() {
    slack.close();
  }

  @ParameterizedTest(name = "signed \"{0}\" → 400 without detail, one log line")
  @ValueSource(strings = {"text=%ZZ", "payload=notjson", "payload=%7Bbad"})
  @DisplayName("a well-signed body Bolt cannot parse is a 400 with no stack trace, logged once without one")
  void malformedSignedBody(String body) throws Exception {
    try (LogCapture logs = new LogCapture()) {
      // WHEN Slack's own signature covers a body that is not a valid form or JSON
      SignedRequests.Answer answer = slack.requests.post(slack.events(), body);

      // THEN a bare 400, and one warning line naming the problem, without a stack
      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.body()).isEqualTo("{\"error\":\"bad request\"}");
      assertNoDetail(answer.body());
      assertThat(logs.events()).singleElement().satisfies(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getThrowableProxy()).isNull();
        assertThat(event.getFormattedMessage()).contains("could not be parsed").doesNotContain("\n");
      });
    }
  }

  @ParameterizedTest(name = "unsigned \"{0}\" → 401, never parsed, one log line")
  @ValueSource(strings = {"text=%ZZ", "payload=notjson", "payload=%7Bbad"})
  @DisplayName("an unsigned malformed body is refused for its missing signature, before Bolt parses it")
  void malformedUnsignedBody(String body) throws Exception {
    int handled = slack.commands.handled.size();
    try (LogCapture logs = new LogCapture()) {
      SignedRequests.Answer answer = slack.requests.post(slack.events(), body, Optional.empty(), Optional.empty());

      assertThat(answer.statusCode()).isEqualTo(401);
      assertNoDetail(answer.body());
      assertThat(logs.events()).singleElement().satisfies(event -> {
        assertThat(event.getThrowableProxy()).isNull();
        assertThat(event.getFormattedMessage()).contains("no X-Slack-Signature header");
      });
    }
    assertThat(slack.commands.handled).hasSize(handled);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("a Content-Length over the cap is a 413 before one byte of the body is sent, signed or not")
  void oversizedContentLength(boolean signed) throws Exception {
    RawHttp.Body body = RawHttp.Body.declaredOnly(TEN_MB);
    Map<String, String> headers = signed ? RawHttp.signedHeaders(SECRET, now(), body) : Map.of();

    // WHEN only the headers arrive, the 10 MB never do
    RawHttp.Answer answer = RawHttp.post(slack.events(), headers, body);

    // THEN the answer comes anyway: nothing waited for the body
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.headers()).containsEntry("connection", "close");
    assertThat(answer.bodyBytesSent()).isZero();
    assertNoDetail(answer.body());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("a chunked body is read only up to the cap, then refused with 413, even correctly signed")
  void oversizedChunkedBody(boolean correctlySigned) throws Exception {
    // GIVEN one byte more than the cap, in chunks, and no last chunk: only the cap tells it apart
    RawHttp.Body body = RawHttp.Body.endlessChunks(SlackHttpServer.MAX_BODY_BYTES + 1L);
    Map<String, String> headers = correctlySigned ? RawHttp.signedHeaders(SECRET, now(), body)
        : RawHttp.signedHeaders("not-the-secret", now(), body);

    RawHttp.Answer answer = RawHttp.post(slack.events(), headers, body);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.headers()).containsEntry("connection", "close");
    assertNoDetail(answer.body());
  }

  @Test
  @DisplayName("an unsigned chunked body is refused with 401 without reading it")
  void unsignedChunkedBody() throws Exception {
    RawHttp.Answer answer = RawHttp.post(slack.events(), Map.of(), RawHttp.Body.endlessChunks(TEN_MB));

    assertThat(answer.status()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RawHttp.Framing.class)
  @DisplayName("a signed slash command of exactly the cap is answered; one byte more is a 413")
  void bodyAtTheCap(RawHttp.Framing framing) throws Exception {
    int before = slack.commands.handled.size();
    String empty = slack.body("/paper", "", "U0MEMBER", "cap-" + framing);
    String atCap = slack.body("/paper", "x".repeat(SlackHttpServer.MAX_BODY_BYTES - empty.length()), "U0MEMBER",
        "cap-" + framing);
    assertThat(atCap).hasSize(SlackHttpServer.MAX_BODY_BYTES);
    RawHttp.Body fits = RawHttp.Body.of(framing, atCap.getBytes(StandardCharsets.US_ASCII));
    RawHttp.Body over = RawHttp.Body.of(framing, (atCap + "x").getBytes(StandardCharsets.US_ASCII));

    RawHttp.Answer answered = RawHttp.post(slack.events(), RawHttp.signedHeaders(SECRET, now(), fits), fits);
    RawHttp.Answer refused = RawHttp.post(slack.events(), RawHttp.signedHeaders(SECRET, now(), over), over);

    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.body()).contains("No paper");
    assertThat(slack.commands.handled).hasSize(before + 1);
    assertThat(refused.status()).isEqualTo(413);
  }

  @Test
  @DisplayName("the largest slash command Slack sends (40,000 Korean characters, percent-encoded) fits under the cap")
  void largestRealSlashCommand() throws Exception {
    String text = "논문".repeat(20_000);
    String body = slack.body("/paper", text, "U0MEMBER", "large-1");
    assertThat(body.length()).isGreaterThan(9 * text.length()).isLessThan(SlackHttpServer.MAX_BODY_BYTES);

    SignedRequests.Answer answer = slack.requests.post(slack.events(), body);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("No paper");
  }

  static Stream<Arguments> badlyDated() {
    return Stream.of(
        Arguments.of("an hour in the future", 3600),
        Arguments.of("6 minutes in the future", 6 * 60),
        Arguments.of("6 minutes in the past", -6 * 60));
  }

  @ParameterizedTest(name = "{0} → 401")
  @MethodSource("badlyDated")
  @DisplayName("a correctly signed request dated more than 5 minutes from now, either way, is refused")
  void badlyDatedRequests(String why, int offsetSeconds) throws Exception {
    int handled = slack.commands.handled.size();
    String body = slack.body("/paper", "2406.04325", "U0MEMBER", "dated");
    String timestamp = String.valueOf(Instant.now().getEpochSecond() + offsetSeconds);

    SignedRequests.Answer answer = slack.requests.post(slack.events(), body, Optional.of(timestamp),
        Optional.of(slack.requests.signature(timestamp, body)));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(slack.commands.handled).hasSize(handled);
  }

  @ParameterizedTest(name = "{0} s from now")
  @ValueSource(ints = {-4 * 60, 4 * 60})
  @DisplayName("a request dated within 5 minutes of now, either way, is answered (clocks drift)")
  void withinTheWindow(int offsetSeconds) throws Exception {
    String body = slack.body("/paper", "2406.04325", "U0MEMBER", "drift");
    String timestamp = String.valueOf(Instant.now().getEpochSecond() + offsetSeconds);

    SignedRequests.Answer answer = slack.requests.post(slack.events(), body, Optional.of(timestamp),
        Optional.of(slack.requests.signature(timestamp, body)));

    assertThat(answer.statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("an exact replay inside the window is refused; the first delivery was answered")
  void replay() throws Exception {
    int handled = slack.commands.handled.size();
    String body = slack.body("/subscribe", "07:00", "U0ADMIN", "replay-1");
    String timestamp = now();
    String signature = slack.requests.signature(timestamp, body);

    SignedRequests.Answer first = slack.requests.post(slack.events(), body, Optional.of(timestamp), Optional.of(signature));
    SignedRequests.Answer again = slack.requests.post(slack.events(), body, Optional.of(timestamp), Optional.of(signature));
    SignedRequests.Answer upperCase = slack.requests.post(slack.events(), body, Optional.of(timestamp),
        Optional.of("v0=" + signature.substring(3).toUpperCase(Locale.ROOT)));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("Subscribed");
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(upperCase.statusCode()).isEqualTo(401);
    assertThat(slack.commands.handled).hasSize(handled + 1);
  }

  @Test
  @DisplayName("timestamps are judged by the clock the server is given")
  void injectedClock() throws Exception {
    // GIVEN a server whose clock runs 10 minutes ahead of the system's
    try (HttpModeFixture ahead = HttpModeFixture.judgingTimeBy(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)))) {
      String body = ahead.body("/paper", "2406.04325", "U0MEMBER", "clock-1");
      String systemNow = now();
      String itsNow = String.valueOf(Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond());

      SignedRequests.Answer stale = ahead.requests.post(ahead.events(), body, Optional.of(systemNow),
          Optional.of(ahead.requests.signature(systemNow, body)));
      SignedRequests.Answer fresh = ahead.requests.post(ahead.events(), body, Optional.of(itsNow),
          Optional.of(ahead.requests.signature(itsNow, body)));

      // THEN the system's "now" is 10 minutes old to it, and its own "now" is fresh
      assertThat(stale.statusCode()).isEqualTo(401);
      assertThat(fresh.statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("a POST to a path other than /slack/events is a bare 405 from Jetty's default servlet")
  void otherPath() throws Exception {
    RawHttp.Answer answer = RawHttp.post(slack.events().resolve("/elsewhere"), Map.of(),
        RawHttp.Body.of(RawHttp.Framing.CONTENT_LENGTH, "text=%ZZ".getBytes(StandardCharsets.US_ASCII)));

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.body()).isEqualTo("{\"error\":405}");
  }

  @Test
  @DisplayName("a good signed /paper is still answered with its card")
  void goodCommand() throws Exception {
    SignedRequests.Answer answer = slack.command("/paper", "2406.04325", "U0MEMBER", "good-1");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"blocks\"").contains("2406.04325");
  }

  @Test
  @DisplayName("headers past Jetty's limit are a 431 from Jetty itself, with no detail either")
  void oversizedHeaders() throws Exception {
    RawHttp.Answer answer = RawHttp.post(slack.events(),
        Map.of("X-Padding", "p".repeat(SlackHttpServer.MAX_HEADER_BYTES)), RawHttp.Body.of(RawHttp.Framing.CONTENT_LENGTH,
            new byte[0]));

    assertThat(answer.status()).isEqualTo(431);
    assertNoDetail(answer.body());
  }

  private static String now() {
    return String.valueOf(Instant.now().getEpochSecond());
  }

  private static void assertNoDetail(String body) {
    assertThat(body).hasSizeLessThan(64)
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
        .doesNotContain("com.slack").doesNotContain("org.eclipse").doesNotContain("<html");
  }
}
