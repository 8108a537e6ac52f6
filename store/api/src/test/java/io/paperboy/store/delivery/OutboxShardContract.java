package io.paperboy.store.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.Stores;
import io.paperboy.store.StoresContract;
import io.paperboy.store.delivery.Delivery.Kind;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link OutboxStore}'s {@link ShardFilter}: instances that split the Discord shards
 * list and claim only the rows of guilds on their own shards ({@code (guild_id >> 22) % total}),
 * while Discord DMs, other platforms and workspaces that are no guild id stay with everyone;
 * per-channel order is kept within the filter.
 */
@DisplayName("OutboxStore contract, shard filter: Discord rows of other instances' shards are neither due nor claimable here")
public abstract class OutboxShardContract extends StoresContract {

  static final Instant T0 = Instant.parse("2024-06-07T00:00:00Z");
  static final Set<Platform> ALL = EnumSet.allOf(Platform.class);
  static final ChannelRef SLACK = ChannelRef.of(Platform.SLACK, "T1", "C1");
  static final ChannelRef CONSOLE = ChannelRef.console();
  static final ChannelRef DM = ChannelRef.directMessage(Platform.DISCORD, "@me", "1500000000000000001");
  /** A Discord row whose workspace is no guild id: the gateway fails it, whoever claims it. */
  static final ChannelRef NOT_A_GUILD = ChannelRef.of(Platform.DISCORD, "G1", "CB");
  /** Twenty digits: beyond a 64-bit integer, so no guild id either (and must not break the query). */
  static final ChannelRef HUGE = ChannelRef.of(Platform.DISCORD, "99999999999999999999", "CH");

  protected OutboxStore outbox;
  protected DeliveryReports reports;

  @BeforeEach
  final void openOutbox() {
    Stores stores = fresh();
    outbox = stores.outbox();
    reports = stores.reports();
  }

  /** A realistic 19-digit guild id on {@code shard} of {@code total}, the {@code n}th such. */
  static String guildOn(int shard, int total, int n) {
    long timestampPart = 1_200_000_000_000_000_000L >> ShardFilter.SNOWFLAKE_SHIFT;
    long base = timestampPart - timestampPart % total + (long) n * total + shard;
    return Long.toString((base << ShardFilter.SNOWFLAKE_SHIFT) | (n * 7919L % 4_194_304L));
  }

  static ChannelRef channelOn(int shard, int total, int n) {
    return ChannelRef.of(Platform.DISCORD, guildOn(shard, total, n), Long.toString(1_300_000_000_000_000_000L + n));
  }

  static PlannedDelivery digest(ChannelRef channel, String date, Instant due) {
    Subscription sub = Subscription.of(channel, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY,
        T0.minusSeconds(86_400));
    return PlannedDelivery.of(sub, Kind.DIGEST, date, due, Optional.empty());
  }

  private List<ChannelRef> dueChannels(ShardFilter shards) {
    return outbox.due(T0.plusSeconds(60), ALL, shards, 100).stream().map(Delivery::channel).toList();
  }

  private long idOf(ChannelRef channel, String date) {
    return reports.find(new OutboxKey(channel, Kind.DIGEST, date)).orElseThrow().id();
  }

  private static Lease lease(String holder) {
    return new Lease(holder, T0.plusSeconds(600));
  }

  @Test
  @DisplayName("the guild ids of the tests are on the shards they are meant for")
  void guildIdsOnTheirShards() {
    for (int shard = 0; shard < 4; shard++) {
      long id = Long.parseLong(guildOn(shard, 4, 3));
      assertThat(id).isGreaterThan(1_000_000_000_000_000_000L);
      assertThat((id >> 22) % 4).isEqualTo(shard);
    }
  }

  @Test
  @DisplayName("due lists this instance's guilds plus DMs, Slack, the console and non-guild workspaces; disjoint ranges share the guilds out once")
  void dueKeepsToTheRange() {
    List<ChannelRef> guilds = new ArrayList<>();
    for (int shard = 0; shard < 4; shard++) {
      guilds.add(channelOn(shard, 4, shard));
    }
    List<ChannelRef> everyone = List.of(SLACK, CONSOLE, DM, NOT_A_GUILD, HUGE);
    List<PlannedDelivery> rows = new ArrayList<>();
    guilds.forEach(c -> rows.add(digest(c, "2024-06-07", T0)));
    everyone.forEach(c -> rows.add(digest(c, "2024-06-07", T0)));
    outbox.enqueue(rows, T0);

    // GIVEN instances running shards 1-2, 0 and 3 of 4
    assertThat(dueChannels(new ShardFilter(4, 1, 2)))
        .containsExactlyInAnyOrderElementsOf(concat(List.of(guilds.get(1), guilds.get(2)), everyone));
    assertThat(dueChannels(new ShardFilter(4, 0, 0))).containsExactlyInAnyOrderElementsOf(concat(List.of(guilds.get(0)), everyone));
    assertThat(dueChannels(new ShardFilter(4, 3, 3))).containsExactlyInAnyOrderElementsOf(concat(List.of(guilds.get(3)), everyone));
    // one instance with every shard, or no filter, sees every row
    assertThat(dueChannels(new ShardFilter(4, 0, 3))).hasSize(rows.size());
    assertThat(dueChannels(ShardFilter.all())).hasSize(rows.size());
    assertThat(outbox.due(T0.plusSeconds(60), 100)).hasSize(rows.size());
  }

  @Test
  @DisplayName("the SQL agrees with ShardFilter.admits for many guild ids and every range of a total of 3")
  void sqlAgreesWithTheRule() {
    List<ChannelRef> channels = new ArrayList<>();
    for (int n = 0; n < 30; n++) {
      // ids spread over the snowflake's bits, not built for a shard
      long id = 1_100_000_000_000_000_000L + n * 987_654_321_987_653L;
      channels.add(ChannelRef.of(Platform.DISCORD, Long.toString(id), "C" + n));
    }
    channels.add(ChannelRef.of(Platform.DISCORD, "9223372036854775807", "CMAX"));
    channels.add(ChannelRef.of(Platform.DISCORD, "4194304", "CSMALL"));
    channels.add(DM);
    channels.add(HUGE);
    outbox.enqueue(channels.stream().map(c -> digest(c, "2024-06-07", T0)).toList(), T0);

    for (int first = 0; first < 3; first++) {
      for (int last = first; last < 3; last++) {
        ShardFilter f = new ShardFilter(3, first, last);
        assertThat(dueChannels(f)).as("%s", f)
            .containsExactlyInAnyOrderElementsOf(channels.stream().filter(f::admits).toList());
      }
    }
  }

  @Test
  @DisplayName("a row of another shard cannot be claimed and stays pending for its instance; DMs can be claimed by any")
  void claimKeepsToTheRange() {
    ChannelRef onZero = channelOn(0, 2, 1);
    ChannelRef onOne = channelOn(1, 2, 2);
    outbox.enqueue(List.of(digest(onZero, "2024-06-07", T0), digest(onOne, "2024-06-07", T0),
        digest(DM, "2024-06-07", T0)), T0);
    ShardFilter zero = new ShardFilter(2, 0, 0);
    ShardFilter one = new ShardFilter(2, 1, 1);

    // WHEN the instance of shard 1 tries to claim the row of shard 0
    assertThat(outbox.claim(idOf(onZero, "2024-06-07"), T0.plusSeconds(1), lease("instance-1"), one)).isEmpty();
    // THEN it stays pending, and the instance of shard 0 claims it
    assertThat(reports.find(idOf(onZero, "2024-06-07")).orElseThrow().status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(outbox.claim(idOf(onZero, "2024-06-07"), T0.plusSeconds(1), lease("instance-0"), zero)).isPresent();
    assertThat(outbox.claim(idOf(onOne, "2024-06-07"), T0.plusSeconds(1), lease("instance-0"), zero)).isEmpty();
    assertThat(outbox.claim(idOf(onOne, "2024-06-07"), T0.plusSeconds(1), lease("instance-1"), one)).isPresent();
    // a DM goes through any session: either instance may claim it
    assertThat(outbox.claim(idOf(DM, "2024-06-07"), T0.plusSeconds(1), lease("instance-1"), one)).isPresent();
  }

  @Test
  @DisplayName("within the filter a channel's rows still go out in order, and nextAttemptAt ignores other shards' rows")
  void orderAndNextAttemptWithinTheRange() {
    ChannelRef mine = channelOn(1, 2, 5);
    ChannelRef theirs = channelOn(0, 2, 6);
    outbox.enqueue(List.of(digest(mine, "2024-06-07", T0.plusSeconds(30)), digest(mine, "2024-06-08", T0.plusSeconds(40)),
        digest(theirs, "2024-06-07", T0.plusSeconds(10))), T0);
    ShardFilter one = new ShardFilter(2, 1, 1);

    assertThat(outbox.nextAttemptAt(ALL)).contains(T0.plusSeconds(10));
    assertThat(outbox.nextAttemptAt(ALL, one)).contains(T0.plusSeconds(30));
    assertThat(outbox.nextAttemptAt(ALL, new ShardFilter(2, 0, 0))).contains(T0.plusSeconds(10));
    assertThat(outbox.due(T0.plusSeconds(60), ALL, one, 10)).extracting(Delivery::key).containsExactly("2024-06-07");
    // the later day is held back behind the earlier one, claimable only once that one is sent
    assertThat(outbox.claim(idOf(mine, "2024-06-08"), T0.plusSeconds(60), lease("instance-1"), one)).isEmpty();
    Claim first = outbox.claim(idOf(mine, "2024-06-07"), T0.plusSeconds(60), lease("instance-1"), one).orElseThrow();
    assertThat(outbox.markSent(first, List.of("m1"), T0.plusSeconds(61))).isTrue();
    assertThat(outbox.due(T0.plusSeconds(62), ALL, one, 10)).extracting(Delivery::key).containsExactly("2024-06-08");
    assertThat(outbox.claim(idOf(mine, "2024-06-08"), T0.plusSeconds(62), lease("instance-1"), one)).isPresent();
    assertThat(outbox.nextAttemptAt(ALL, one)).isEmpty();
  }

  private static List<ChannelRef> concat(List<ChannelRef> a, List<ChannelRef> b) {
    List<ChannelRef> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
