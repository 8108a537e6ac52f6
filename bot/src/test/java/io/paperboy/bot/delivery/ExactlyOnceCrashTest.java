package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.discord.DiscordBot;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeGuild;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.testkit.platform.FakePlatform;
import io.paperboy.testkit.platform.HttpTestGateway;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.OutboxKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: a child JVM delivers one day to 30 channels (15 Discord-like, 15 Slack-like, each
 * post three messages) on the real SQLite file and the loopback fake platform; the parent kills it
 * with SIGKILL at five different moments — a post stored but not answered (on each dialect), a
 * request received but not processed, a post answered but perhaps not yet marked sent, the
 * recovery's own history lookup — restarting it each time, while the fake also answers a storm of
 * 429s, 503s and 502s-after-posting. At the end every channel holds exactly one copy of each
 * of its messages: no duplicate, nothing missing.
 */
@DisplayName("Exactly once across SIGKILLs: a child JVM killed at five points, restarted, every channel holds one post")
class ExactlyOnceCrashTest {

  static final int CHANNELS_PER_PLATFORM = 15;

  @TempDir
  Path dir;

  /** When to kill the child during one life. */
  record KillPoint(String what, Predicate<FakePlatform.Event> when) {}

  @Test
  void killedAtSeveralPointsThenDeliveredExactlyOnce() throws Exception {
    Path db = dir.resolve("paperboy.db");
    List<ChannelRef> channels = new ArrayList<>();
    try (DeliveryFixture f = new DeliveryFixture(db)) {
      f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY, 7));
      // alternating, so that both dialects are busy all along (rows go out in id order)
      for (int i = 0; i < CHANNELS_PER_PLATFORM; i++) {
        channels.add(f.subscribe(ChannelRef.of(Platform.DISCORD, "G1", "D" + i)));
        channels.add(f.subscribe(ChannelRef.of(Platform.SLACK, "T1", "S" + i)));
      }
    }
    long offset = Duration.between(Instant.now(), DeliveryFixture.SLOT.plusSeconds(60)).toMillis();

    AtomicInteger received = new AtomicInteger();
    AtomicInteger slackStored = new AtomicInteger();
    AtomicInteger discordStored = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    // rows go out roughly in id order and the planner writes the Discord rows first: the
    // Discord-side points come first, the Slack-side ones once Discord is done
    List<KillPoint> kills = List.of(
        new KillPoint("the 3rd Discord post of a life is stored, not yet answered",
            e -> e.point() == FakePlatform.Point.POST_STORED && e.dialect().equals("discord")
                && discordStored.incrementAndGet() == 3),
        new KillPoint("the 2nd post of a life arrived, not yet processed",
            e -> e.point() == FakePlatform.Point.POST_RECEIVED && received.incrementAndGet() == 2),
        new KillPoint("the 8th post of a life was answered (marked sent or not)",
            e -> e.point() == FakePlatform.Point.POST_ANSWERED && answered.incrementAndGet() == 8),
        new KillPoint("the 3rd Slack post of a life is stored, not yet answered",
            e -> e.point() == FakePlatform.Point.POST_STORED && e.dialect().equals("slack")
                && slackStored.incrementAndGet() == 3),
        // (the fallback only matters if recovery skipped its lookup: then the duplicates show below)
        new KillPoint("the recovery's history lookup arrived, not yet answered",
            e -> e.point() == FakePlatform.Point.HISTORY_RECEIVED
                || e.point() == FakePlatform.Point.POST_RECEIVED && received.incrementAndGet() == 6));

    List<String> killed = new ArrayList<>();
    try (FakePlatform fake = new FakePlatform()) {
      // and a storm on top: rate limits, 503s, and 502s after the post was stored
      List<FakePlatform.Fault> storm = new ArrayList<>();
      storm.addAll(java.util.Collections.nCopies(12, FakePlatform.Fault.RATE_LIMITED));
      storm.addAll(java.util.Collections.nCopies(8, FakePlatform.Fault.UNAVAILABLE));
      storm.addAll(java.util.Collections.nCopies(6, FakePlatform.Fault.POSTED_THEN_BAD_GATEWAY));
      java.util.Collections.shuffle(storm, new java.util.Random(11));
      fake.queueFaults(storm);
      fake.retryAfterMillis(30);
      for (int life = 0; ; life++) {
        received.set(0);
        slackStored.set(0);
        discordStored.set(0);
        answered.set(0);
        Path log = dir.resolve("child-" + life + ".log");
        Process child = start(db, fake.baseUrl(), offset, log);
        AtomicBoolean fired = new AtomicBoolean();
        KillPoint kill = life < kills.size() ? kills.get(life) : null;
        fake.hook(e -> {
          if (kill != null && kill.when().test(e) && fired.compareAndSet(false, true)) {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            try {
              child.waitFor();
            } catch (InterruptedException ie) {
              Thread.currentThread().interrupt();
            }
            throw new FakePlatform.Dropped();
          }
        });
        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        fake.hook(e -> { });
        assertThat(exited).as("life %d ended (log:%n%s)", life, tail(log)).isTrue();
        if (fired.get()) {
          killed.add(kill.what());
          continue;
        }
        assertThat(child.exitValue()).as("life %d exit code (log:%n%s)", life, tail(log)).isZero();
        assertThat(kill).as("life %d finished before its kill point (%s); log:%n%s", life,
            kill == null ? "" : kill.what(), tail(log)).isNull();
        break;
      }

      assertThat(killed).hasSize(5);
      assertThat(fake.faultsLeft()).as("the whole storm was answered").isZero();
      try (DeliveryFixture f = new DeliveryFixture(db)) {
        for (ChannelRef c : channels) {
          Delivery row = f.reports.find(new OutboxKey(c, Kind.DIGEST, DeliveryFixture.DAY.toString())).orElseThrow();
          assertThat(row.status()).as(c.key()).isEqualTo(Status.SENT);
          List<String> expected = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            String partKey = "digest:" + DeliveryFixture.DAY + ":" + row.id() + "/" + i;
            expected.add(c.platform() == Platform.DISCORD ? HttpTestGateway.nonce(partKey) : partKey);
          }
          List<FakePlatform.Posted> posts = fake.postsIn(c.channel());
          assertThat(posts).extracting(FakePlatform.Posted::key).as("%s holds each part once", c.key())
              .containsExactlyElementsOf(expected);
          assertThat(row.messageIds()).containsExactlyElementsOf(posts.stream().map(FakePlatform.Posted::id).toList());
        }
        assertThat(f.reports.all()).hasSize(channels.size());
      }
      int posts = fake.allPosts().values().stream().mapToInt(List::size).sum();
      assertThat(posts).as("0 duplicates, 0 missed").isEqualTo(channels.size() * 3);
      // the kills really left posts whose outcome was unknown, and they were found, not reposted
      assertThat(fake.dedupHits()).isPositive();
      assertThat(fake.historyCalls()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  @DisplayName("forum posts carry no nonce: SIGKILLed between creating a forum post and marking it sent, the restart"
      + " finds the post by its marker: one post per forum, each part once")
  void forumPostKilledBeforeMarkedSentIsFoundNotOpenedAgain() throws Exception {
    Path db = dir.resolve("forums.db");
    String guild = "1210000000000000001";
    List<String> forums = List.of("1310000000000000001", "1310000000000000002", "1310000000000000003");
    List<ChannelRef> channels = new ArrayList<>();
    try (DeliveryFixture f = new DeliveryFixture(db)) {
      f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY, 7));
      forums.forEach(id -> channels.add(f.subscribe(ChannelRef.of(Platform.DISCORD, guild, id))));
    }
    long offset = Duration.between(Instant.now(), DeliveryFixture.SLOT.plusSeconds(60)).toMillis();
    long permissions = DiscordBot.invitePermissions();
    try (FakeDiscord fake = FakeDiscord.builder(permissions)
        .guild(FakeGuild.withChannels(guild, "forums", forums, FakeGuild.ChannelType.FORUM, permissions)).start()) {
      // GIVEN a child killed once the second forum post of its life exists, before it hears so (the
      // others, posted in parallel, may be anywhere: not begun, created, half filled)
      Path firstLog = dir.resolve("forum-child-0.log");
      Process first = start(db, fake.apiUrl(), offset, firstLog, "jda");
      AtomicInteger created = new AtomicInteger();
      AtomicBoolean fired = new AtomicBoolean();
      fake.beforeAnswer(call -> {
        if (call.is("POST", "/channels/\\d+/threads") && call.status() == 201 && created.incrementAndGet() == 2
            && fired.compareAndSet(false, true)) {
          first.destroyForcibly(); // SIGKILL on Linux: the post exists, its row stays attempting
          try {
            first.waitFor();
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
          }
        }
      });
      assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("first life ended (log:%n%s)", tail(firstLog)).isTrue();
      fake.beforeAnswer(call -> { });
      assertThat(fired).as("killed at the forum post (log:%n%s)", tail(firstLog)).isTrue();

      // WHEN it restarts on the same file
      Path secondLog = dir.resolve("forum-child-1.log");
      Process second = start(db, fake.apiUrl(), offset, secondLog, "jda");
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("second life ended (log:%n%s)", tail(secondLog)).isTrue();
      assertThat(second.exitValue()).as("second life's exit code (log:%n%s)", tail(secondLog)).isZero();

      // THEN each forum holds exactly one post with the day, each part of it once
      try (DeliveryFixture f = new DeliveryFixture(db)) {
        for (ChannelRef c : channels) {
          List<RecordedCall> posts = fake.calls("POST", "/channels/" + c.channel() + "/threads").stream()
              .filter(call -> call.status() == 201).toList();
          assertThat(posts).as("forum posts opened in %s", c.key()).hasSize(1);
          assertThat(posts.get(0).body().path("name").asText()).contains(DeliveryFixture.DAY.toString());
          Delivery row = f.reports.find(new OutboxKey(c, Kind.DIGEST, DeliveryFixture.DAY.toString())).orElseThrow();
          assertThat(row.status()).as(c.key()).isEqualTo(Status.SENT);
          String thread = row.messageIds().get(0);
          Set<String> inside = new HashSet<>();
          for (RecordedCall call : fake.calls("POST", "/channels/" + thread + "/messages")) {
            if (call.status() == 200) {
              inside.add(call.body().path("nonce").asText());
            }
          }
          assertThat(inside).as("the parts inside %s's post, by nonce", c.key()).hasSize(row.messageIds().size() - 1);
          assertThat(Set.copyOf(row.messageIds())).hasSize(row.messageIds().size());
        }
      }
      assertThat(fake.calls("GET", "/guilds/" + guild + "/threads/active")).as("the restart looked for its posts")
          .isNotEmpty();
    }
  }

  private static Process start(Path db, String baseUrl, long offsetMillis, Path log, String... mode)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), db.toString(), baseUrl, String.valueOf(offsetMillis)));
    command.addAll(List.of(mode));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
