package io.paperboy.store.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.Stores;
import io.paperboy.store.StoresContract;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@link DeliveryReports}: the outbox read by channel, by workspace, by key and in total. */
@DisplayName("DeliveryReports contract: the outbox read, never crossing a workspace")
public abstract class DeliveryReportsContract extends StoresContract {

  private static final Instant T0 = Instant.parse("2024-06-07T00:00:00Z");
  private static final ChannelRef A = ChannelRef.of(Platform.SLACK, "T1", "CA");
  private static final ChannelRef A_THREAD = new ChannelRef(Platform.SLACK, "T1", "CA", Optional.of("1717.5"));
  private static final ChannelRef A2 = ChannelRef.of(Platform.SLACK, "T2", "CA");
  private static final ChannelRef B = ChannelRef.of(Platform.DISCORD, "G1", "CB");

  private OutboxStore outbox;
  private DeliveryReports reports;

  @BeforeEach
  final void openReports() {
    Stores stores = fresh();
    outbox = stores.outbox();
    reports = stores.reports();
  }

  private static PlannedDelivery row(ChannelRef channel, Kind kind, String key, Instant due) {
    Subscription s = Subscription.of(channel, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY, T0);
    return PlannedDelivery.of(s, kind, key, due, Optional.empty());
  }

  private static PlannedDelivery digest(ChannelRef channel, String date, Instant due) {
    return row(channel, Kind.DIGEST, date, due);
  }

  @Test
  @DisplayName("keys and latest rows per channel stay inside one workspace")
  void keysAndLatest() {
    outbox.enqueue(List.of(digest(A, "2024-06-06", T0.minusSeconds(86_400)), digest(A, "2024-06-07", T0),
        digest(A2, "2024-06-07", T0)), T0);

    assertThat(reports.keys(Set.of(Kind.DIGEST), "2024-06-07"))
        .containsExactlyInAnyOrder(new OutboxKey(A, Kind.DIGEST, "2024-06-07"), new OutboxKey(A2, Kind.DIGEST, "2024-06-07"));
    assertThat(reports.keys(Set.of(Kind.NO_DIGEST), "2024-06-01")).isEmpty();
    assertThat(reports.latestPerChannel(Platform.SLACK, "T1")).containsOnlyKeys(A)
        .hasEntrySatisfying(A, d -> assertThat(d.key()).isEqualTo("2024-06-07"));
    assertThat(reports.forChannel(A, 10)).extracting(Delivery::key).containsExactly("2024-06-07", "2024-06-06");
    assertThat(reports.counts()).containsEntry(Status.PENDING, 3).containsEntry(Status.SENT, 0);
  }

  @Test
  @DisplayName("keys keep to the kinds asked for, from the given key on, whatever the status")
  void keysByKindAndStatus() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), row(A, Kind.NO_DIGEST, "2024-06-08", T0),
        row(A, Kind.ALERT, "2024-06-07:ab12cd", T0), digest(B, "2024-06-05", T0),
        new PlannedDelivery(B, Kind.DIGEST, "2024-06-09", 0, Optional.empty(), Subscription.Style.DIGEST, T0,
            Optional.of("too late"))), T0);

    assertThat(reports.keys(EnumSet.of(Kind.DIGEST, Kind.NO_DIGEST), "2024-06-06")).containsExactlyInAnyOrder(
        new OutboxKey(A, Kind.DIGEST, "2024-06-07"), new OutboxKey(A, Kind.NO_DIGEST, "2024-06-08"),
        new OutboxKey(B, Kind.DIGEST, "2024-06-09"));
    assertThat(reports.keys(EnumSet.of(Kind.ALERT), "2024-06-01"))
        .containsExactly(new OutboxKey(A, Kind.ALERT, "2024-06-07:ab12cd"));
    assertThat(reports.keys(EnumSet.noneOf(Kind.class), "2024-06-01")).isEmpty();
  }

  @Test
  @DisplayName("find by id and by (channel, kind, key); a thread is a channel of its own")
  void find() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(A_THREAD, "2024-06-07", T0.plusSeconds(1))), T0);

    Delivery inChannel = reports.find(new OutboxKey(A, Kind.DIGEST, "2024-06-07")).orElseThrow();
    Delivery inThread = reports.find(new OutboxKey(A_THREAD, Kind.DIGEST, "2024-06-07")).orElseThrow();
    assertThat(inChannel.id()).isNotEqualTo(inThread.id());
    assertThat(inThread.channel()).isEqualTo(A_THREAD);
    assertThat(inThread.dueAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(reports.find(inChannel.id())).contains(inChannel);
    assertThat(reports.find(new OutboxKey(A, Kind.NO_DIGEST, "2024-06-07"))).isEmpty();
    assertThat(reports.find(new OutboxKey(A2, Kind.DIGEST, "2024-06-07"))).isEmpty();
    assertThat(reports.find(inChannel.id() + inThread.id() + 1_000)).isEmpty();
    assertThat(reports.latestPerChannel(Platform.SLACK, "T1")).containsOnlyKeys(A, A_THREAD);
  }

  @Test
  @DisplayName("forChannel: newest due first, at most limit; latestPerChannel: the newest due of each channel")
  void channelHistory() {
    outbox.enqueue(List.of(digest(A, "2024-06-05", T0.minusSeconds(2 * 86_400)), digest(B, "2024-06-07", T0),
        digest(A, "2024-06-07", T0), digest(A, "2024-06-06", T0.minusSeconds(86_400))), T0);

    assertThat(reports.forChannel(A, 2)).extracting(Delivery::key).containsExactly("2024-06-07", "2024-06-06");
    assertThat(reports.forChannel(A, 10)).extracting(Delivery::key)
        .containsExactly("2024-06-07", "2024-06-06", "2024-06-05");
    assertThat(reports.forChannel(A_THREAD, 10)).isEmpty();
    Map<ChannelRef, Delivery> slack = reports.latestPerChannel(Platform.SLACK, "T1");
    assertThat(slack).containsOnlyKeys(A);
    assertThat(slack.get(A).key()).isEqualTo("2024-06-07");
    assertThat(reports.latestPerChannel(Platform.DISCORD, "G1").get(B).key()).isEqualTo("2024-06-07");
    assertThat(reports.latestPerChannel(Platform.DISCORD, "T1")).isEmpty();
  }

  @Test
  @DisplayName("all in the order enqueued; counts every status, zeros included")
  void allAndCounts() {
    assertThat(reports.all()).isEmpty();
    assertThat(reports.counts()).hasSize(Status.values().length).allSatisfy((s, n) -> assertThat(n).isZero());
    outbox.enqueue(List.of(digest(B, "2024-06-07", T0), digest(A, "2024-06-06", T0.minusSeconds(86_400))), T0);
    outbox.enqueue(List.of(new PlannedDelivery(A2, Kind.DIGEST, "2024-06-01", 0, Optional.empty(),
        Subscription.Style.DIGEST, T0, Optional.of("too late"))), T0);
    Delivery b = reports.find(new OutboxKey(B, Kind.DIGEST, "2024-06-07")).orElseThrow();
    Claim claim = outbox.claim(b.id(), T0, new Lease("instance-a", T0.plusSeconds(600))).orElseThrow();
    outbox.markSent(claim, List.of("m1"), T0);

    assertThat(reports.all()).extracting(Delivery::describe).containsExactly("discord:G1:CB digest 2024-06-07",
        "slack:T1:CA digest 2024-06-06", "slack:T2:CA digest 2024-06-01");
    assertThat(reports.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(Status.PENDING, 1, Status.ATTEMPTING, 0,
        Status.SENT, 1, Status.FAILED, 0, Status.SKIPPED, 1));
  }
}
