package io.paperboy.store.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.Stores;
import io.paperboy.store.StoresContract;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@link SubscriptionStore}, and what removing and pausing do to the channel's outbox rows. */
@DisplayName("SubscriptionStore contract: one subscription per channel, scoped by platform and workspace")
public abstract class SubscriptionStoreContract extends StoresContract {

  static final Instant T0 = Instant.parse("2024-06-03T00:00:00Z");
  static final ChannelRef SLACK_C9 = ChannelRef.of(Platform.SLACK, "T1", "C9");

  SubscriptionStore subscriptions;
  OutboxStore outbox;
  DeliveryReports reports;

  @BeforeEach
  final void openSubscriptions() {
    Stores stores = fresh();
    subscriptions = stores.subscriptions();
    outbox = stores.outbox();
    reports = stores.reports();
  }

  private static Lease lease(Instant now) {
    return new Lease("instance-a", now.plusSeconds(600));
  }

  static Subscription seoul(ChannelRef channel) {
    return Subscription.of(channel, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.WEEKDAYS, T0);
  }

  @Test
  @DisplayName("stores every field and reads it back, a thread and empty options included")
  void roundTrip() {
    ChannelRef thread = new ChannelRef(Platform.DISCORD, "G1", "C1", Optional.of("TH7"));
    Subscription s = new Subscription(thread, LocalTime.of(7, 45), ZoneId.of("America/New_York"),
        new DaySet(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)), 5, Optional.of(20),
        Subscription.Style.THREADS, true, false, Optional.empty(), T0);

    assertThat(subscriptions.save(s, T0)).isEqualTo(s);
    assertThat(subscriptions.find(thread)).contains(s);
    // the channel without the thread is another channel
    assertThat(subscriptions.find(ChannelRef.of(Platform.DISCORD, "G1", "C1"))).isEmpty();

    Subscription plain = seoul(SLACK_C9);
    subscriptions.save(plain, T0);
    assertThat(subscriptions.find(SLACK_C9)).contains(plain);
  }

  @Test
  @DisplayName("a weekly subscription keeps its cadence and day; going daily again is stored too")
  void weeklyRoundTrip() {
    Subscription weekly = seoul(SLACK_C9).withTop(10)
        .withCadence(Subscription.Cadence.WEEKLY, new DaySet(EnumSet.of(DayOfWeek.MONDAY)));

    assertThat(subscriptions.save(weekly, T0)).isEqualTo(weekly);
    assertThat(subscriptions.find(SLACK_C9).orElseThrow().cadence()).isEqualTo(Subscription.Cadence.WEEKLY);
    assertThat(subscriptions.active()).containsExactly(weekly);

    Subscription daily = weekly.withCadence(Subscription.Cadence.DAILY, DaySet.WEEKDAYS);
    subscriptions.save(daily, T0);
    assertThat(subscriptions.find(SLACK_C9)).contains(daily);
  }

  @Test
  @DisplayName("weekly rows are stored like daily ones, and unsubscribing skips a waiting one")
  void weeklyRows() {
    Subscription s = subscriptions.save(seoul(SLACK_C9)
        .withCadence(Subscription.Cadence.WEEKLY, new DaySet(EnumSet.of(DayOfWeek.MONDAY))), T0);
    outbox.enqueue(List.of(PlannedDelivery.of(s, Kind.WEEKLY, "2024-W23-1", T0, Optional.empty())), T0);

    assertThat(reports.keys(EnumSet.of(Kind.WEEKLY), "2024-W22"))
        .containsExactly(new OutboxKey(SLACK_C9, Kind.WEEKLY, "2024-W23-1"));
    assertThat(reports.all()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Kind.WEEKLY);
      assertThat(d.date()).contains(java.time.LocalDate.of(2024, 6, 3));
    });

    subscriptions.remove(SLACK_C9, T0);
    assertThat(reports.all()).singleElement().extracting(Delivery::status).isEqualTo(Status.SKIPPED);
  }

  @Test
  @DisplayName("subscribing again updates the settings and keeps the creation time")
  void updateKeepsCreatedAt() {
    subscriptions.save(seoul(SLACK_C9), T0);
    Subscription changed = seoul(SLACK_C9).withTime(LocalTime.of(18, 30)).withTop(3)
        .withZone(ZoneId.of("Europe/Berlin"));
    Subscription later = new Subscription(changed.channel(), changed.time(), changed.zone(), changed.days(),
        changed.top(), changed.minVotes(), changed.style(), false, false, Optional.empty(), T0.plusSeconds(86_400));

    Subscription stored = subscriptions.save(later, T0.plusSeconds(86_400));

    assertThat(stored.time()).isEqualTo(LocalTime.of(18, 30));
    assertThat(stored.top()).isEqualTo(3);
    assertThat(stored.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(stored.createdAt()).isEqualTo(T0);
    assertThat(subscriptions.all()).hasSize(1);
  }

  @Test
  @DisplayName("listing is per workspace: the same channel id in another workspace or platform is someone else's")
  void scopedByWorkspace() {
    subscriptions.save(seoul(ChannelRef.of(Platform.SLACK, "T1", "C1")), T0);
    subscriptions.save(seoul(ChannelRef.of(Platform.SLACK, "T1", "C2")), T0);
    subscriptions.save(seoul(ChannelRef.of(Platform.SLACK, "T2", "C1")), T0);
    subscriptions.save(seoul(ChannelRef.of(Platform.DISCORD, "T1", "C1")), T0);

    assertThat(subscriptions.inWorkspace(Platform.SLACK, "T1")).extracting(s -> s.channel().channel())
        .containsExactly("C1", "C2");
    assertThat(subscriptions.inWorkspace(Platform.SLACK, "T2")).hasSize(1);
    assertThat(subscriptions.inWorkspace(Platform.DISCORD, "T1")).hasSize(1);
    assertThat(subscriptions.all()).hasSize(4);

    subscriptions.remove(ChannelRef.of(Platform.SLACK, "T1", "C1"), T0);
    assertThat(subscriptions.find(ChannelRef.of(Platform.SLACK, "T2", "C1"))).isPresent();
    assertThat(subscriptions.find(ChannelRef.of(Platform.DISCORD, "T1", "C1"))).isPresent();
  }

  @Test
  @DisplayName("unsubscribing skips the channel's waiting daily posts and keeps what was sent")
  void removeSkipsWaitingPosts() {
    Subscription s = subscriptions.save(seoul(SLACK_C9), T0);
    outbox.enqueue(List.of(
        PlannedDelivery.of(s, Kind.DIGEST, "2024-06-03", T0, Optional.empty()),
        PlannedDelivery.of(s, Kind.DIGEST, "2024-06-04", T0.plusSeconds(86_400), Optional.empty())), T0);
    long first = outbox.due(T0, 10).get(0).id();
    outbox.markSent(outbox.claim(first, T0, lease(T0)).orElseThrow(), List.of("1717.0001"), T0);

    assertThat(subscriptions.remove(SLACK_C9, T0.plusSeconds(100))).isTrue();
    assertThat(subscriptions.remove(SLACK_C9, T0.plusSeconds(100))).isFalse();

    assertThat(reports.all()).extracting(Delivery::status).containsExactly(Status.SENT, Status.SKIPPED);
    assertThat(reports.all().get(1).lastError()).contains("the channel unsubscribed");
  }

  @Test
  @DisplayName("pausing records the reason, skips waiting posts and hides the subscription from active(); saving resumed() resumes")
  void pauseAndResume() {
    Subscription s = subscriptions.save(seoul(SLACK_C9), T0);
    subscriptions.save(seoul(ChannelRef.of(Platform.SLACK, "T1", "C10")), T0);
    outbox.enqueue(List.of(PlannedDelivery.of(s, Kind.DIGEST, "2024-06-03", T0, Optional.empty())), T0);

    assertThat(subscriptions.pause(SLACK_C9, "Slack says channel_not_found", T0)).isTrue();
    assertThat(subscriptions.pause(SLACK_C9, "again", T0)).isFalse();

    Subscription paused = subscriptions.find(SLACK_C9).orElseThrow();
    assertThat(paused.paused()).isTrue();
    assertThat(paused.pauseReason()).contains("Slack says channel_not_found");
    assertThat(subscriptions.active()).extracting(Subscription::channel)
        .containsExactly(ChannelRef.of(Platform.SLACK, "T1", "C10"));
    assertThat(reports.all()).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(Status.SKIPPED);
      assertThat(d.lastError().orElseThrow()).contains("paused").contains("channel_not_found");
    });

    subscriptions.save(paused.resumed(), T0);
    assertThat(subscriptions.find(SLACK_C9).orElseThrow().paused()).isFalse();
    assertThat(subscriptions.find(SLACK_C9).orElseThrow().pauseReason()).isEmpty();
  }

  @Test
  @DisplayName("unsubscribing skips only daily posts; pausing skips every pending row of the channel, alerts too")
  void whatIsSkipped() {
    ChannelRef other = ChannelRef.of(Platform.SLACK, "T1", "C10");
    Subscription s = subscriptions.save(seoul(SLACK_C9), T0);
    subscriptions.save(seoul(other), T0);
    PlannedDelivery alert = new PlannedDelivery(SLACK_C9, Kind.ALERT, "2024-06-03:ab12", 0, Optional.empty(),
        Subscription.Style.DIGEST, T0, Optional.empty());
    outbox.enqueue(List.of(PlannedDelivery.of(s, Kind.DIGEST, "2024-06-03", T0, Optional.empty()),
        PlannedDelivery.of(s, Kind.NO_DIGEST, "2024-06-04", T0, Optional.empty()), alert,
        PlannedDelivery.of(seoul(other), Kind.DIGEST, "2024-06-03", T0, Optional.empty())), T0);

    subscriptions.remove(SLACK_C9, T0);

    assertThat(reports.all()).extracting(Delivery::kind, Delivery::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.DIGEST, Status.SKIPPED),
        org.assertj.core.groups.Tuple.tuple(Kind.NO_DIGEST, Status.SKIPPED),
        org.assertj.core.groups.Tuple.tuple(Kind.ALERT, Status.PENDING),
        org.assertj.core.groups.Tuple.tuple(Kind.DIGEST, Status.PENDING));

    subscriptions.save(seoul(SLACK_C9), T0);
    assertThat(subscriptions.pause(SLACK_C9, "gone", T0)).isTrue();
    assertThat(reports.find(alert.outboxKey()).orElseThrow().status()).isEqualTo(Status.SKIPPED);
    assertThat(reports.find(new OutboxKey(other, Kind.DIGEST, "2024-06-03")).orElseThrow().status())
        .isEqualTo(Status.PENDING);
    assertThat(subscriptions.pause(ChannelRef.of(Platform.SLACK, "T1", "nobody"), "gone", T0)).isFalse();
  }

  @Test
  @DisplayName("active and all are ordered by platform, workspace, channel and thread")
  void ordering() {
    ChannelRef thread = new ChannelRef(Platform.SLACK, "T1", "C1", Optional.of("TH"));
    for (ChannelRef c : List.of(ChannelRef.of(Platform.SLACK, "T2", "C1"), thread, ChannelRef.of(Platform.SLACK, "T1", "C2"),
        ChannelRef.of(Platform.DISCORD, "G9", "C1"), ChannelRef.of(Platform.SLACK, "T1", "C1"))) {
      subscriptions.save(seoul(c), T0);
    }
    subscriptions.pause(ChannelRef.of(Platform.SLACK, "T1", "C2"), "gone", T0);

    assertThat(subscriptions.all()).extracting(s -> s.channel().key()).containsExactly(
        "discord:G9:C1", "slack:T1:C1", "slack:T1:C1:TH", "slack:T1:C2", "slack:T2:C1");
    assertThat(subscriptions.active()).extracting(s -> s.channel().key()).containsExactly(
        "discord:G9:C1", "slack:T1:C1", "slack:T1:C1:TH", "slack:T2:C1");
    assertThat(subscriptions.inWorkspace(Platform.SLACK, "T1")).extracting(s -> s.channel().key()).containsExactly(
        "slack:T1:C1", "slack:T1:C1:TH", "slack:T1:C2");
  }
}
