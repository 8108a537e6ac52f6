package io.paperboy.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.core.net.NoDelaySocketFactory;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fake Discord's REST limits speak Discord's headers and bodies (request by request)")
class FakeDiscordLimitsTest {

  private static final OkHttpClient HTTP = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()).build();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final String TEXT = "/channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages";
  private static final String OTHER = "/channels/" + FakeDiscord.OTHER_CHANNEL_ID + "/messages";

  /** One answer: status, headers, JSON body. */
  private record Answer(int status, okhttp3.Headers headers, JsonNode body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private static Answer call(FakeDiscord fake, String token, String method, String path, String json) throws IOException {
    Request.Builder request = new Request.Builder().url(fake.apiUrl() + path.substring(1))
        .header("Authorization", "Bot " + token)
        .method(method, json == null ? null : RequestBody.create(json, JSON_TYPE));
    try (Response r = HTTP.newCall(request.build()).execute()) {
      String text = r.body().string();
      return new Answer(r.code(), r.headers(), text.isEmpty() ? GatewayClient.JSON.createObjectNode()
          : GatewayClient.JSON.readTree(text));
    }
  }

  private static Answer post(FakeDiscord fake, String token, String path) throws IOException {
    return call(fake, token, "POST", path, "{\"content\":\"hi\"}");
  }

  @Test
  @DisplayName("every answer carries the bucket headers; the message bucket is per channel, one hash for the route")
  void messageBucket() throws Exception {
    try (FakeDiscord fake = FakeDiscord.builder(0).limits(DiscordLimits.discord()).start()) {
      long before = System.currentTimeMillis();
      Answer first = post(fake, "t", TEXT);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5");
      assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4");
      assertThat(first.header("X-RateLimit-Bucket")).matches("[0-9a-f]{32}");
      assertThat(first.header("Via")).isEqualTo("1.1 google");
      double resetAfter = Double.parseDouble(first.header("X-RateLimit-Reset-After"));
      assertThat(resetAfter).isGreaterThan(4.9).isLessThanOrEqualTo(5.0);
      double reset = Double.parseDouble(first.header("X-RateLimit-Reset"));
      assertThat(reset * 1000).isBetween(before + 4_900.0, System.currentTimeMillis() + 5_000.0);
      assertThat(first.header("X-RateLimit-Reset")).as("epoch seconds with fractions").matches("\\d{10}\\.\\d{3}");

      for (int remaining = 3; remaining >= 0; remaining--) {
        assertThat(post(fake, "t", TEXT).header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
      }
      Answer limited = post(fake, "t", TEXT);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("X-RateLimit-Scope")).isEqualTo("user");
      assertThat(limited.header("X-RateLimit-Global")).isNull();
      assertThat(limited.header("Via")).as("without Via JDA takes a 429 for a Cloudflare ban").isEqualTo("1.1 google");
      assertThat(limited.header("X-RateLimit-Bucket")).isEqualTo(first.header("X-RateLimit-Bucket"));
      assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
      double retryAfter = limited.body().path("retry_after").asDouble();
      assertThat(retryAfter).isGreaterThan(0).isLessThanOrEqualTo(5.0);
      assertThat(limited.header("Retry-After")).isEqualTo(Long.toString((long) Math.ceil(retryAfter)));
      assertThat(limited.body().path("message").asText()).isEqualTo("You are being rate limited.");
      assertThat(limited.body().path("global").asBoolean(true)).isFalse();
      assertThat(limited.body().path("code").isInt()).isTrue();

      Answer otherChannel = post(fake, "t", OTHER);
      assertThat(otherChannel.status()).as("another channel has its own bucket").isEqualTo(200);
      assertThat(otherChannel.header("X-RateLimit-Bucket")).as("the hash leaves out the channel")
          .isEqualTo(first.header("X-RateLimit-Bucket"));
      assertThat(post(fake, "another-bot", TEXT).status()).as("limits are per bot token").isEqualTo(200);
      assertThat(call(fake, "t", "GET", "/users/@me", null).header("X-RateLimit-Bucket"))
          .as("another route, another bucket").isNotEqualTo(first.header("X-RateLimit-Bucket"));
    }
  }

  @Test
  @DisplayName("a bucket opens again at its advertised reset")
  void reset() throws Exception {
    DiscordLimits limits = DiscordLimits.discord().withMessages(2, Duration.ofMillis(300));
    try (FakeDiscord fake = FakeDiscord.builder(0).limits(limits).start()) {
      post(fake, "t", TEXT);
      Answer last = post(fake, "t", TEXT);
      assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
      long resetAt = (long) (Double.parseDouble(last.header("X-RateLimit-Reset")) * 1000);
      // wait for the time the header names, as a client must
      while (System.currentTimeMillis() < resetAt) {
        Thread.sleep(Math.max(1, resetAt - System.currentTimeMillis()));
      }
      assertThat(post(fake, "t", TEXT).status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("over the global limit: Discord's global 429 (Global: true, scope global, no bucket); interaction endpoints are exempt")
  void global() throws Exception {
    try (FakeDiscord fake = FakeDiscord.builder(0).limits(DiscordLimits.discord().withGlobalPerSecond(3)).start()) {
      assertThat(call(fake, "t", "GET", "/users/@me", null).status()).isEqualTo(200);
      assertThat(post(fake, "t", TEXT).status()).isEqualTo(200);
      assertThat(post(fake, "t", OTHER).status()).isEqualTo(200);
      Answer limited = call(fake, "t", "GET", "/users/@me", null);

      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("X-RateLimit-Global")).isEqualTo("true");
      assertThat(limited.header("X-RateLimit-Scope")).isEqualTo("global");
      assertThat(limited.header("Via")).isEqualTo("1.1 google");
      assertThat(limited.header("X-RateLimit-Bucket")).isNull();
      assertThat(limited.body().path("global").asBoolean()).isTrue();
      assertThat(limited.header("Retry-After")).isEqualTo("1");
      assertThat(limited.body().path("retry_after").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1.0);

      // the callback of an interaction is not bound by the global limit: answered (unknown interaction), not 429
      assertThat(post(fake, "t", "/interactions/1/tok/callback").status()).isEqualTo(404);
      assertThat(post(fake, "t", "/webhooks/" + FakeDiscord.BOT_ID + "/tok").status()).isEqualTo(404);
      assertThat(post(fake, "other-token", TEXT).status()).as("another bot has its own global limit").isEqualTo(200);

      RequestCounts counts = fake.requestCounts("t");
      assertThat(counts.requests()).isEqualTo(6);
      assertThat(counts.rateLimited()).isEqualTo(1);
      assertThat(counts.globalRateLimited()).isEqualTo(1);
      assertThat(counts.invalid()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("401, 403 and 429 count as invalid per token; a shared-scope 429 does not")
  void invalidRequests() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(0)) {
      fake.rejectToken("reset-token");
      assertThat(call(fake, "reset-token", "GET", "/users/@me", null).status()).isEqualTo(401);
      fake.failNext("POST", TEXT, 403, 50013, "Missing Permissions");
      assertThat(post(fake, "t", TEXT).status()).isEqualTo(403);
      fake.rateLimitNext("POST", "/channels/\\d+/messages", 0.2);
      Answer user = post(fake, "t", TEXT);
      fake.rateLimitNext("POST", "/channels/\\d+/messages", 30, "shared");
      Answer shared = post(fake, "t", TEXT);
      assertThat(post(fake, "t", TEXT).status()).isEqualTo(200);

      assertThat(user.status()).isEqualTo(429);
      assertThat(user.header("X-RateLimit-Scope")).isEqualTo("user");
      assertThat(user.header("Via")).isEqualTo("1.1 google");
      assertThat(user.header("Retry-After")).isEqualTo("1");
      assertThat(shared.header("X-RateLimit-Scope")).isEqualTo("shared");
      assertThat(shared.header("Retry-After")).isEqualTo("30");
      assertThat(fake.requestCounts("reset-token")).isEqualTo(new RequestCounts(1, 0, 0, 0, 1, 0));
      RequestCounts t = fake.requestCounts("t");
      assertThat(t).isEqualTo(new RequestCounts(4, 2, 0, 1, 0, 1));
      assertThat(t.invalid()).isEqualTo(2);
      assertThat(t.rateLimitedShare()).isEqualTo(0.5);
      assertThat(fake.requestCounts().invalid()).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("limits off (the default): no rate-limit headers and no 429, however fast")
  void off() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(0)) {
      for (int i = 0; i < 60; i++) {
        Answer a = post(fake, "t", TEXT);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("X-RateLimit-Bucket")).isNull();
      }
      assertThat(fake.requestCounts("t").rateLimited()).isZero();
    }
  }
}
