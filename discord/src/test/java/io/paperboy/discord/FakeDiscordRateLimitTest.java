package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testkit.discord.DiscordLimits;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeGuild;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.testkit.discord.RequestCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real JDA paced by the fake's rate-limit headers. JDA's own limiter follows each route's bucket
 * (sequentially per bucket, waiting out {@code Remaining: 0}), but it does not pace the global
 * limit — it only stops everything after a global 429 — so many channels at once reach it. What
 * scale-out adds (a global pace in front of JDA's limiter, through
 * {@code RestConfig#setRateLimiterFactory}) is shown here too: then nothing is refused.
 */
@DisplayName("JDA against the fake's Discord rate limits: paced by the headers, global 429s as Discord sends them")
class FakeDiscordRateLimitTest {

  @RegisterExtension
  final LogGuard logs = new LogGuard();

  private static final String GUILD = "1250000000000000001";
  private static final int CHANNELS = 40;
  /** Discord's counts with the message window shortened from 5 s to 500 ms, so pacing shows in seconds. */
  private static final DiscordLimits LIMITS = DiscordLimits.discord().withMessages(5, Duration.ofMillis(500));
  private static final Duration DELIVERED = Duration.ofSeconds(90);

  private static String channel(int i) {
    return Long.toString(1_380_000_000_000_000_000L + i);
  }

  private static FakeDiscord start(DiscordLimits limits) throws Exception {
    List<String> channels = IntStream.range(0, CHANNELS).mapToObj(FakeDiscordRateLimitTest::channel).toList();
    return FakeDiscord.builder(JdaAgainstFake.BOT_PERMISSIONS).limits(limits)
        .guild(FakeGuild.withTextChannels(GUILD, "busy", channels, JdaAgainstFake.BOT_PERMISSIONS)).start();
  }

  private static List<RecordedCall> posts(FakeDiscord fake) {
    return fake.calls("POST", "/channels/\\d+/messages");
  }

  /** Sends {@code perChannel} messages to each of the first {@code channels} channels at once; waits for all. */
  private static void sendAll(JDA jda, int channels, int perChannel) throws Exception {
    List<CompletableFuture<Message>> sent = new ArrayList<>();
    for (int n = 0; n < perChannel; n++) {
      for (int c = 0; c < channels; c++) {
        sent.add(jda.getTextChannelById(channel(c)).sendMessage("c" + c + "-m" + n).submit());
      }
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(DELIVERED.toSeconds(), TimeUnit.SECONDS);
  }

  /** The contents the fake accepted (200), sorted. */
  private static List<String> accepted(FakeDiscord fake) {
    return posts(fake).stream().filter(c -> c.status() == 200).map(c -> c.body().path("content").asText()).sorted().toList();
  }

  private static List<String> expected(int channels, int perChannel) {
    List<String> all = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      for (int n = 0; n < perChannel; n++) {
        all.add("c" + c + "-m" + n);
      }
    }
    return all.stream().sorted().toList();
  }

  @Test
  @DisplayName("30 messages to one channel: JDA waits each time Remaining is 0, so no 429 at all, in order")
  void oneChannel() throws Exception {
    try (FakeDiscord fake = start(LIMITS)) {
      JDA jda = JdaAgainstFake.jda(fake);
      try {
        sendAll(jda, 1, 30);

        List<RecordedCall> posts = posts(fake);
        assertThat(posts).extracting(c -> c.body().path("content").asText())
            .containsExactlyElementsOf(IntStream.range(0, 30).mapToObj(n -> "c0-m" + n).toList());
        assertThat(posts).allSatisfy(c -> {
          assertThat(c.status()).isEqualTo(200);
          assertThat(c.responseHeaders().get("X-RateLimit-Bucket")).isNotNull();
          assertThat(c.responseHeaders().get("X-RateLimit-Limit")).isEqualTo("5");
        });
        // at most once per window (fewer if a window ran out before JDA used it up on a slow machine)
        assertThat(posts).filteredOn(c -> "0".equals(c.responseHeaders().get("X-RateLimit-Remaining")))
            .as("the bucket ran empty, and JDA waited instead of being refused").isNotEmpty().hasSizeLessThanOrEqualTo(6);
        assertThat(fake.requestCounts(JdaAgainstFake.TOKEN).rateLimited()).isZero();
      } finally {
        JdaAgainstFake.close(jda);
      }
    }
  }

  @Test
  @DisplayName("200 messages over 40 channels from JDA alone: no per-route 429; over 50/s the global 429s carry Discord's global headers, JDA waits them out, each message arrives once")
  void manyChannelsJdaAlone() throws Exception {
    logs.expect("Encountered global rate limit");
    try (FakeDiscord fake = start(LIMITS)) {
      JDA jda = JdaAgainstFake.jda(fake);
      try {
        sendAll(jda, CHANNELS, 5);

        assertThat(accepted(fake)).containsExactlyElementsOf(expected(CHANNELS, 5));
        List<RecordedCall> refused = posts(fake).stream().filter(c -> c.status() == 429).toList();
        assertThat(refused).as("JDA does not pace the global limit by itself").isNotEmpty();
        assertThat(refused).allSatisfy(c -> {
          assertThat(c.responseHeaders().get("X-RateLimit-Scope")).as("never a per-route 429").isEqualTo("global");
          assertThat(c.responseHeaders().get("X-RateLimit-Global")).isEqualTo("true");
          assertThat(c.responseHeaders().get("Via")).isEqualTo("1.1 google");
          assertThat(c.responseHeaders().get("Retry-After")).matches("[1-9]\\d*");
          assertThat(c.responseHeaders().get("X-RateLimit-Bucket")).isNull();
        });
        RequestCounts counts = fake.requestCounts(JdaAgainstFake.TOKEN);
        assertThat(counts.globalRateLimited()).isEqualTo(refused.size());
        assertThat(counts.invalid()).as("each global 429 counts toward Discord's invalid-request limit")
            .isEqualTo(refused.size());
        System.out.printf("JDA alone, 200 messages over %d channels: %d requests, %d global 429s (%.1f %%)%n",
            CHANNELS, counts.requests(), counts.globalRateLimited(), 100 * counts.rateLimitedShare());
      } finally {
        JdaAgainstFake.close(jda);
      }
    }
  }

  @Test
  @DisplayName("the same 200 messages with a 45/s global pace in front of JDA's limiter: at most 1 % refused")
  void manyChannelsPacedGlobally() throws Exception {
    try (FakeDiscord fake = start(LIMITS)) {
      RestConfig rest = new RestConfig().setRateLimiterFactory(config ->
          new GlobalPace(new SequentialRestRateLimiter(config), 45));
      JDA jda = JdaAgainstFake.jda(fake, rest);
      try {
        sendAll(jda, CHANNELS, 5);

        assertThat(accepted(fake)).containsExactlyElementsOf(expected(CHANNELS, 5));
        RequestCounts counts = fake.requestCounts(JdaAgainstFake.TOKEN);
        assertThat(counts.rateLimitedShare()).isLessThanOrEqualTo(0.01);
        assertThat(counts.globalRateLimited()).isEqualTo(counts.rateLimited());
      } finally {
        JdaAgainstFake.close(jda);
      }
    }
  }

  @Test
  @DisplayName("a bucket of 1 per 300 ms: JDA waits the advertised reset before each message, none refused")
  void bucketOfOne() throws Exception {
    try (FakeDiscord fake = start(LIMITS.withMessages(1, Duration.ofMillis(300)))) {
      JDA jda = JdaAgainstFake.jda(fake);
      try {
        sendAll(jda, 1, 4);
        List<RecordedCall> posts = posts(fake);
        assertThat(posts).extracting(RecordedCall::status).containsOnly(200).hasSize(4);
        for (RecordedCall c : posts) {
          assertThat(c.responseHeaders().get("X-RateLimit-Remaining")).isEqualTo("0");
          assertThat(Double.parseDouble(c.responseHeaders().get("X-RateLimit-Reset-After"))).isBetween(0.0, 0.3);
        }
        assertThat(fake.requestCounts(JdaAgainstFake.TOKEN).rateLimited()).isZero();
      } finally {
        JdaAgainstFake.close(jda);
      }
    }
  }

  /**
   * A global pace in front of JDA's own limiter: each request waits for its slot, slots
   * {@code 1/perSecond} apart — the shape of what scale-out shares between instances.
   */
  private static final class GlobalPace implements RestRateLimiter {
    private final RestRateLimiter delegate;
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    GlobalPace(RestRateLimiter delegate, int perSecond) {
      this.delegate = delegate;
      this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    private void awaitSlot() {
      long slot;
      synchronized (this) {
        slot = Math.max(System.nanoTime(), nextSlot);
        nextSlot = slot + intervalNanos;
      }
      long wait = slot - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void enqueue(Work task) {
      delegate.enqueue(new Work() {
        @Override
        public Route.CompiledRoute getRoute() {
          return task.getRoute();
        }

        @Override
        public JDA getJDA() {
          return task.getJDA();
        }

        @Override
        public Response execute() {
          awaitSlot();
          return task.execute();
        }

        @Override
        public boolean isSkipped() {
          return task.isSkipped();
        }

        @Override
        public boolean isDone() {
          return task.isDone();
        }

        @Override
        public boolean isPriority() {
          return task.isPriority();
        }

        @Override
        public boolean isCancelled() {
          return task.isCancelled();
        }

        @Override
        public void cancel() {
          task.cancel();
        }
      });
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
      delegate.stop(shutdown, callback);
    }

    @Override
    public boolean isStopped() {
      return delegate.isStopped();
    }

    @Override
    public int cancelRequests() {
      return delegate.cancelRequests();
    }
  }
}
