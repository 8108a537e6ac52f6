package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Message;
import io.paperboy.discord.DiscordBot;
import io.paperboy.discord.DiscordPacing;
import io.paperboy.discord.DiscordSettings;
import io.paperboy.discord.ShardPlan;
import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.plan.DigestDays;
import io.paperboy.scheduler.plan.PlanRules;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.ShardFilter;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeDiscordBuilder;
import io.paperboy.testkit.discord.FakeGuild;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.testkit.outbox.OutboxDrain;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances splitting a bot's two Discord shards (ranges 0-0 and 1-1, each its own JDA
 * {@code ShardManager}, its own pool on one PostgreSQL schema, its own delivery worker) against
 * the loopback fake Discord, guilds on both shards. First only the instance of shard 0 runs: it
 * posts to its guilds and never touches the others, whose rows wait, unattempted. Then the
 * instance of shard 1 starts and posts them. Every channel gets its post once, from the instance
 * that holds its shard, and no row fails or retries.
 */
@DisplayName("Instances splitting the Discord shards each post only to their guilds; another shard's rows wait for its instance")
class ShardSplitDeliveryTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  static final int SHARDS = 2;
  static final String TOKEN = "fake-shard-split-token";

  /** The real gateway, noting each channel it was asked to post to: which instance tried what. */
  record Recording(ChannelGateway real, List<ChannelRef> asked) implements ChannelGateway {
    @Override
    public Platform platform() {
      return real.platform();
    }

    @Override
    public PostReceipt post(ChannelRef channel, Message message, PostOptions options) throws PostException {
      asked.add(channel);
      return real.post(channel, message, options);
    }

    @Override
    public int messages(Message message, PostStyle style) {
      return real.messages(message, style);
    }
  }

  @Test
  void eachInstancePostsItsOwnShardsGuilds() throws Exception {
    FakeDiscordBuilder world = FakeDiscord.builder(DiscordBot.invitePermissions()).recommendedShards(SHARDS)
        .maxConcurrency(SHARDS);
    List<List<ChannelRef>> byShard = List.of(new ArrayList<>(), new ArrayList<>());
    long channelId = 1_310_000_000_000_000_000L;
    for (int g = 0; g < 4; g++) {
      int shard = g % SHARDS;
      String guild = FakeDiscord.guildIdOnShard(shard, SHARDS, 300 + g);
      List<String> ids = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        String id = Long.toString(channelId++);
        ids.add(id);
        byShard.get(shard).add(ChannelRef.of(Platform.DISCORD, guild, id));
      }
      world.guild(FakeGuild.withTextChannels(guild, "split-" + g, ids, DiscordBot.invitePermissions()));
    }
    Clock clock = DeliveryFixture.clockAt(DeliveryFixture.SLOT.plusSeconds(60));
    List<AutoCloseable> open = new ArrayList<>();
    List<DeliveryWorker> workers = new ArrayList<>();
    List<List<ChannelRef>> asked = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    try (FakeDiscord fake = world.start()) {
      List<PostgresStores> stores = new ArrayList<>();
      for (int i = 0; i < SHARDS; i++) {
        // GIVEN instance i runs shard i of 2, with its own connections to the shared schema
        PostgresStores s = PostgresStores.open(pg.paperboyUrl());
        open.add(s);
        stores.add(s);
        CommandService commands = new CommandService(new CommandRegistry(List.of()));
        open.add(commands);
        DiscordBot bot = DiscordBot.start(new DiscordSettings(TOKEN, fake.apiUrl(), DiscordSettings.DEFAULT_GATEWAY_URL,
                ShardPlan.of(Optional.of(SHARDS), Optional.of(i + "-" + i))),
            commands, Clock.systemUTC(), Duration.ofMinutes(1), DiscordPacing.of(s.rateLimits()));
        open.add(bot);
        DailyPosts posts = new DailyPosts(s.papers(), new DailyPostFormatter());
        workers.add(new DeliveryWorker(s.outbox(), Map.of(Delivery.Kind.DIGEST, posts, Delivery.Kind.NO_DIGEST, posts),
            Map.of(Platform.DISCORD, new Recording(bot.gateway(), asked.get(i))),
            new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 3), DeliveryFixture.WINDOW,
            Duration.ofMillis(200), 4, clock, io.paperboy.bot.config.DeliveryConfig.DEFAULT_MAX_MESSAGES,
            DeliveryEvents.NONE, DeliveryWorker.Sharing.shared("instance-" + i, Duration.ofMinutes(5))
                .withShards(new ShardFilter(SHARDS, i, i))));
      }
      PostgresStores first = stores.get(0);
      first.papers().save(DeliveryFixture.digest(DeliveryFixture.DAY, 4));
      List<ChannelRef> all = new ArrayList<>(byShard.get(0));
      all.addAll(byShard.get(1));
      for (ChannelRef ref : all) {
        first.subscriptions().save(Subscription.of(ref, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY,
            DeliveryFixture.SLOT.minus(Duration.ofDays(30))), DeliveryFixture.SLOT.minus(Duration.ofDays(30)));
      }
      int planned = new DeliveryPlanner(first.subscriptions(), first.outbox(), first.reports(),
          DigestDays.of(first.papers()), new PlanRules(DeliveryFixture.WINDOW), EnumSet.of(Platform.DISCORD), clock,
          () -> { }).planOnce().due().size();
      assertThat(planned).isEqualTo(all.size());

      // WHEN only the instance of shard 0 delivers
      workers.get(0).start();
      awaitSent(first, byShard.get(0));
      // THEN it posted to shard 0's guilds only; shard 1's rows wait, never attempted
      assertThat(asked.get(0)).containsExactlyInAnyOrderElementsOf(byShard.get(0));
      for (ChannelRef c : byShard.get(1)) {
        Delivery row = row(first, c);
        assertThat(row.status()).as(c.key()).isEqualTo(Status.PENDING);
        assertThat(row.attempts()).as(c.key()).isZero();
      }

      // WHEN the instance of shard 1 starts too
      workers.get(1).start();
      OutboxDrain.await(first.reports(), Duration.ofMinutes(3));

      // THEN each instance was asked to post exactly its shard's channels, once each
      assertThat(asked.get(0)).containsExactlyInAnyOrderElementsOf(byShard.get(0));
      assertThat(asked.get(1)).containsExactlyInAnyOrderElementsOf(byShard.get(1));
      // AND every row was sent at its first attempt, and each channel holds each part once
      for (ChannelRef c : all) {
        Delivery row = row(first, c);
        assertThat(row.status()).as(c.key()).isEqualTo(Status.SENT);
        assertThat(row.attempts()).as(c.key()).isEqualTo(1);
        assertThat(row.failures()).as(c.key()).isZero();
        List<RecordedCall> posts = fake.calls("POST", "/channels/" + c.channel() + "/messages").stream()
            .filter(call -> call.status() == 200).toList();
        Set<String> nonces = new HashSet<>();
        posts.forEach(p -> nonces.add(p.body().path("nonce").asText()));
        assertThat(posts).as(c.key()).hasSize(row.messageIds().size());
        assertThat(nonces).as("%s: each part once", c.key()).hasSize(posts.size());
      }
      assertThat(first.reports().counts().get(Status.FAILED)).isZero();
    } finally {
      workers.forEach(w -> w.stop(Duration.ofSeconds(10)));
      for (int i = open.size() - 1; i >= 0; i--) {
        open.get(i).close();
      }
    }
  }

  private static Delivery row(PostgresStores stores, ChannelRef channel) {
    return stores.reports().all().stream().filter(d -> d.channel().equals(channel)).findFirst().orElseThrow();
  }

  /** Waits until every row of {@code channels} is sent (a guard against hanging, not a measurement). */
  private static void awaitSent(PostgresStores stores, List<ChannelRef> channels) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!channels.stream().allMatch(c -> row(stores, c).status() == Status.SENT)) {
      assertThat(System.nanoTime()).as("shard 0's rows sent within 3 minutes: %s", stores.reports().counts())
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
