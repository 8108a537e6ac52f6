package io.paperboy.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.discord.DiscordBot;
import io.paperboy.slack.SlackSettings;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeGuild;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import io.paperboy.testkit.slack.FakeSlack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster crash test on the product itself: three {@code paperboy run} processes (child JVMs,
 * real JDA and real Bolt, configured by a YAML file as an operator would) on one PostgreSQL
 * schema, 1,000 channels (500 on the fake Discord, 500 on the fake Slack, each post split in two
 * messages) due at the same slot. One instance is SIGKILLed at three points of the fan-out — when
 * the slot's rows are planned and none is claimed, then on each platform mid split-post (its
 * second message arrived, not forwarded) and after the fake stored a whole post but before the
 * answer got back (so before it was marked sent) — and restarted each time while the other two
 * keep going; another
 * is SIGSTOPped past its lease and the Quartz check-in, then SIGCONTed. Each instance reaches the
 * fakes through a {@link PlatformProxy} of its own, which is where the test acts. At the end every
 * channel holds each of its messages exactly once and no row is left attempting.
 */
@Tag("cluster")
@DisplayName("Cluster crash: 3 `paperboy run` on PostgreSQL, 1,000 channels via JDA and Bolt, SIGKILL at 5 points and a SIGSTOP: each message once")
class ClusterCrashTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  static final int PER_PLATFORM = 500;
  /** Enough papers that both renderers split the post in two messages (checked below, not assumed). */
  static final int PAPERS = 16;
  /* Longer than a two-part post takes on a loaded machine (Slack paces parts about a second apart). */
  static final Duration LEASE = Duration.ofSeconds(15);
  /** How late the other instances start each post while the victim still has a kill to come. */
  static final Duration CRAWL = Duration.ofMillis(1500);
  static final String GUILD = "1200000000000000200";
  static final long FIRST_DISCORD_CHANNEL = 1300000000000200000L;

  @TempDir
  Path dir;

  /**
   * Where the victim dies in its lives after the first (which dies from the database's side, the
   * slot's rows planned and none claimed): each platform mid split-post (its second message
   * arrived, not forwarded: the first is stored) and after the fake stored a whole post but
   * before the answer got back (so it was not marked sent). Slack finds such parts in the
   * channel's history, Discord by the parts' nonces.
   */
  record KillPoint(String what, PlatformProxy.Stage stage, Platform platform) {}

  /* Discord's rows first: Slack paces the parts of a post about a second apart, so its rows are the last to go. */
  static final List<KillPoint> KILLS = List.of(
      new KillPoint("Discord, mid split-post", PlatformProxy.Stage.RECEIVED, Platform.DISCORD),
      new KillPoint("Discord, post stored, not marked sent", PlatformProxy.Stage.ANSWERED, Platform.DISCORD),
      new KillPoint("Slack, mid split-post", PlatformProxy.Stage.RECEIVED, Platform.SLACK),
      new KillPoint("Slack, post stored, not marked sent", PlatformProxy.Stage.ANSWERED, Platform.SLACK));

  /** One instance: its proxy, config and log, its current process and how many lives it has had. */
  final class Instance {
    final int index;
    final PlatformProxy proxy;
    final Path config;
    final Path log;
    volatile Process process;
    volatile int life;

    Instance(int index, PlatformProxy proxy, Path config) {
      this.index = index;
      this.proxy = proxy;
      this.config = config;
      this.log = dir.resolve("instance-" + index + ".log");
    }

    void start(Map<String, String> secrets) throws IOException {
      process = RunInstance.start(dir, config, log, secrets);
    }
  }

  static Digest digest(LocalDate day) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= PAPERS; rank++) {
      String id = String.format("2406.%05d", 70000 + rank);
      entries.add(new DigestEntry(day, rank, id, "Paper " + rank + " on cluster delivery", "https://arxiv.org/abs/" + id,
          Optional.of(100 - rank), List.of("Ada Lovelace"), Optional.empty(),
          "- " + ("요약 " + rank + ": 여러 인스턴스가 하나의 데이터베이스를 나눠 쓴다. ").repeat(12)));
    }
    return new Digest(day, entries, "test:" + day);
  }

  @Test
  void threeRunInstancesKilledStoppedRestartedEachMessageOnce() throws Exception {
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant since = today.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    List<String> discordIds = new ArrayList<>();
    for (int i = 0; i < PER_PLATFORM; i++) {
      discordIds.add(Long.toString(FIRST_DISCORD_CHANNEL + i));
    }
    List<ChannelRef> channels = new ArrayList<>();
    FakeSlack slack = FakeSlack.start();
    try (FakeDiscord discord = FakeDiscord.builder(DiscordBot.invitePermissions())
            .guild(FakeGuild.withTextChannels(GUILD, "Cluster Guild", discordIds, DiscordBot.invitePermissions()))
            .start();
         FakeSlack slackFake = slack;
         PostgresStores stores = PostgresStores.open(pg.paperboyUrl())) {
      stores.papers().save(digest(today));
      for (int i = 0; i < PER_PLATFORM; i++) {
        String slackId = String.format("C0K%03d", i);
        slack.channel(slackId, FakeSlack.Membership.MEMBER);
        // alternating, so both platforms are busy all along
        channels.add(ChannelRef.of(Platform.DISCORD, GUILD, discordIds.get(i)));
        channels.add(ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, slackId));
      }
      for (ChannelRef c : channels) {
        stores.subscriptions().save(Subscription.of(c, LocalTime.MIDNIGHT, ZoneOffset.UTC, DaySet.DAILY, since), since);
      }

      String extra = "delivery:\n  parallelism: 6\n  poll-interval: 250ms\n  retry-base: 50ms\n  retry-max: 1s\n"
          + "  max-attempts: 50\n  subscribe-console: false\n"
          + "cluster:\n  lease: " + LEASE.toSeconds() + "s\n  checkin-interval: 1s\n";
      List<Instance> instances = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        PlatformProxy proxy = new PlatformProxy(PlatformProxy.origin(discord.apiUrl()),
            PlatformProxy.origin(slack.apiUrl().toString()));
        Path config = dir.resolve("instance-" + i + ".yml");
        Files.writeString(config, RunInstance.config(pg.paperboyUrl(), proxy.discordApiUrl(), discord.gatewayUrl(),
            proxy.slackApiUrl(), List.of("folder:inbox"), extra));
        instances.add(new Instance(i, proxy, config));
      }
      Map<String, String> secrets = Map.of("DISCORD_TOKEN", "fake-cluster-token",
          SlackSettings.BOT_TOKEN_VARIABLE, FakeSlack.BOT_TOKEN, SlackSettings.SIGNING_SECRET_VARIABLE,
          RunInstance.SIGNING_SECRET);
      Instance victim = instances.get(0);
      Instance sleeper = instances.get(1);
      List<String> killed = new CopyOnWriteArrayList<>();
      AtomicReference<String> stopped = new AtomicReference<>();
      AtomicInteger victimPosts = new AtomicInteger();
      AtomicInteger answeredPosts = new AtomicInteger();

      try {
        for (Instance inst : instances) {
          inst.proxy.hook((stage, exchange) -> {
            PostParts.PostRequest post = PostParts.of(stores, GUILD, today, exchange);
            if (post == null) {
              return;
            }
            if (inst != victim) {
              if (stage == PlatformProxy.Stage.RECEIVED && post.part() == 0 && victim.life <= KILLS.size()) {
                // until the victim's last kill, the others start each post late (after the claim,
                // well inside the lease), so the fan-out still has work of both platforms for each
                // of the victim's lives however slowly a JVM boots on a loaded machine
                Signals.pause(CRAWL.toMillis());
              }
              if (stage == PlatformProxy.Stage.ANSWERED && post.part() >= 1 && answeredPosts.incrementAndGet() >= 300
                  && inst == sleeper) {
                Signals.stopOnce(sleeper.process, LEASE.plusSeconds(5), stopped);
              }
              return;
            }
            Process v = victim.process;
            int life = victim.life;
            KillPoint point = life >= 1 && life <= KILLS.size() ? KILLS.get(life - 1) : null;
            boolean kill = point != null && killed.size() == life && point.stage() == stage
                && point.platform() == post.channel().platform() && post.part() == 1
                && (stage == PlatformProxy.Stage.RECEIVED || exchange.status() == 200)
                && victimPosts.incrementAndGet() >= 2;
            synchronized (killed) { // several of the victim's requests are in flight at once: one kill per life
              kill = kill && killed.size() == life;
              if (kill) {
                killed.add(point.what());
              }
            }
            if (kill) {
              v.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
              try {
                v.waitFor();
              } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
              }
              throw new PlatformProxy.Dropped();
            }
          });
        }

        long began = System.nanoTime();
        for (Instance inst : instances) { // all three at the same instant
          inst.start(secrets);
        }
        long deadline = began + TimeUnit.MINUTES.toNanos(8);
        while (true) {
          Map<Status, Integer> counts = stores.reports().counts();
          int total = counts.values().stream().mapToInt(Integer::intValue).sum();
          if (killed.size() == KILLS.size() + 1 && total >= channels.size() && counts.get(Status.PENDING) == 0
              && counts.get(Status.ATTEMPTING) == 0) {
            break;
          }
          assertThat(System.nanoTime()).as("the cluster drained within 8 minutes (%s, kills %s); logs:%n%s", counts,
              killed, logs(instances)).isLessThan(deadline);
          if (victim.life == 0 && killed.isEmpty() && total >= channels.size() && victim.process.isAlive()) {
            // life 0: the slot's rows are planned, the fan-out just starting
            synchronized (killed) {
              killed.add("the slot's rows planned, none claimed");
            }
            victim.process.destroyForcibly().waitFor();
          }
          for (Instance inst : instances) {
            Process p = inst.process;
            if (p.isAlive()) {
              continue;
            }
            if (inst == victim && killed.size() > inst.life) {
              inst.life++;
              victimPosts.set(0);
              inst.start(secrets); // restarted later: a fresh JVM on the same config
            } else {
              throw new AssertionError("instance " + inst.index + " exited " + p.exitValue() + "; logs:\n"
                  + logs(instances));
            }
          }
          Thread.sleep(50);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
        for (Instance inst : instances) {
          inst.proxy.hook((stage, exchange) -> { });
        }

        assertThat(stopped.get()).as("an instance was stopped past its lease and resumed").isNotNull()
            .doesNotStartWith("failed");
        Map<Status, Integer> counts = stores.reports().counts();
        assertThat(counts.get(Status.ATTEMPTING)).as("no row left attempting").isZero();
        DeliveredOnce once = DeliveredOnce.check(stores, discord, slack, channels, today);
        int duplicates = once.duplicates();
        int missing = once.missing();
        Set<Integer> discordParts = once.discordParts();
        Set<Integer> slackParts = once.slackParts();
        assertThat(discordParts).as("every Discord post split in two").containsExactly(2);
        assertThat(slackParts).as("every Slack post split in two").containsExactly(2);
        System.out.printf("cluster crash (paperboy run x3, JDA + Bolt): %d channels, %d duplicates, %d missing,"
            + " %d s from start to drained; kills: %s; stopped: %s; Discord POSTs %d, Slack posts %d, history reads %d%n",
            channels.size(), duplicates, missing, seconds, killed, stopped.get(),
            discord.calls("POST", "/channels/\\d+/messages").size(), slack.allMessages().size(),
            slack.calls("conversations.history").size());
        assertThat(duplicates + missing).as("0 duplicates, 0 missed").isZero();
        // the kills left parts whose fate the poster did not know, and they were found, not reposted
        assertThat(slack.calls("conversations.history")).as("Slack's look-back ran").isNotEmpty();
        assertThat(discord.calls("POST", "/channels/\\d+/messages").size()).as("Discord retried parts by nonce")
            .isGreaterThan(PER_PLATFORM * 2);
      } finally {
        for (Instance inst : instances) {
          if (inst.process != null) {
            Signals.signal("CONT", inst.process.pid()); // in case the sleeper is still stopped
            inst.process.destroy();
          }
        }
        for (Instance inst : instances) {
          if (inst.process != null && !inst.process.waitFor(30, TimeUnit.SECONDS)) {
            inst.process.destroyForcibly().waitFor();
          }
          inst.proxy.close();
        }
      }
    }
  }

  private String logs(List<Instance> instances) {
    StringBuilder sb = new StringBuilder();
    for (Instance i : instances) {
      sb.append("--- instance ").append(i.index).append(" (life ").append(i.life).append(")\n")
          .append(RunInstance.tail(i.log, 40)).append('\n');
    }
    return sb.toString();
  }
}
