package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.subscriptions.SubscriptionChanges;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.plan.DigestDays;
import io.paperboy.scheduler.plan.PlanRules;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.slack.SlackRenderer;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A weekly post end to end: the composition root's Quartz planner and delivery worker, real Bolt's
 * Web API client posting to the fake Slack, the application's clock pinned just after the slot.
 */
@DisplayName("weekly post end to end: Quartz plans it at its slot, Bolt posts it to the fake Slack, once")
class WeeklyDeliveryEndToEndTest {

  private static final Path SEEDS = Path.of(System.getProperty("paperboy.projectSeeds", "../seeds"));
  private static final String CHANNEL = "C0WEEKLY";
  private static final ChannelRef HERE = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, CHANNEL);
  /** Monday 2024-06-10, 09:00 in Seoul: the slot, whose week (06-03 … 06-09) has the seed day 06-07. */
  private static final Instant SLOT = Instant.parse("2024-06-10T00:00:00Z");
  /** A guard against a hang, not a timing assertion. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  @DisplayName("the week's most voted papers arrive once; planning again and re-ingesting post nothing more")
  void once() throws Exception {
    SlotTimingTest.PinnedClock clock = new SlotTimingTest.PinnedClock();
    try (FakeSlack fake = FakeSlack.start().channel(CHANNEL, FakeSlack.Membership.MEMBER);
         Paperboy app = Paperboy.open(PaperboyConfig.defaults().withDatabase(dir.resolve("p.db").toString()), clock)) {
      app.ingest(List.of(SEEDS), IngestProgress.NONE);
      // GIVEN the channel subscribed to weekly posts (Mondays 09:00 Seoul, top 3) on the Sunday before
      app.subscriptionAdmin().subscribing().subscribe(HERE, SubscriptionChanges.parse(Optional.empty(), Optional.of("Asia/Seoul"),
          Optional.empty(), Optional.of(3L), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of("weekly"), Optional.of("mon")), SLOT.minus(Duration.ofDays(1)));
      clock.pin(SLOT.plusSeconds(30));
      SlackGateway gateway = new SlackGateway(SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN),
          new SlackRenderer(), Duration.ofSeconds(30), 3);

      // WHEN the delivery runs (its planner runs once at start and every minute, through Quartz)
      try (DeliveryRuntime delivery = app.startDelivery(Map.of(Platform.SLACK, gateway))) {
        Delivery sent = awaitSent(app);

        // THEN one weekly row, sent, whose messages are the ones the fake received
        assertThat(sent.kind()).isEqualTo(Delivery.Kind.WEEKLY);
        assertThat(sent.key()).isEqualTo("2024-W24-1");
        assertThat(sent.top()).isEqualTo(3);
        List<PostedMessage> posted = fake.messages(CHANNEL);
        assertThat(posted).hasSize(sent.messageIds().size());
        String all = posted.stream().map(m -> m.text() + "\n" + m.blocks()).reduce("", String::concat);
        assertThat(all).contains("Weekly Papers — 2024-06-03 – 2024-06-09")
            .contains("ShareGPT4Video: Improving Video Understanding and Generation with Better Captions")
            .contains("the 3 most voted of 9 papers");

        // WHEN planning runs again and the same days are ingested again
        // (a second planner on the same file, as another process sharing the database would be)
        try (SqliteStores side = SqliteStores.open(dir.resolve("p.db"))) {
          DeliveryPlanner again = new DeliveryPlanner(side.subscriptions(), side.outbox(), side.reports(),
              DigestDays.of(side.papers()), new PlanRules(Duration.ofHours(24)), Set.of(Platform.SLACK), clock, () -> { });
          assertThat(again.planOnce().due()).isEmpty();
          app.ingest(List.of(SEEDS), IngestProgress.NONE);
          assertThat(again.planOnce().due()).isEmpty();
        }

        // THEN the outbox still holds that one weekly row, and the fake no other message
        assertThat(reports(app)).filteredOn(d -> d.kind() == Delivery.Kind.WEEKLY).singleElement()
            .extracting(Delivery::id).isEqualTo(sent.id());
        assertThat(fake.messages(CHANNEL)).hasSize(posted.size());
        assertThat(app.subscriptionAdmin().subscriptions().find(HERE).orElseThrow().cadence())
            .isEqualTo(Subscription.Cadence.WEEKLY);
      }
    }
  }

  private static Delivery awaitSent(Paperboy app) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Delivery> row = reports(app).stream()
          .filter(d -> d.kind() == Delivery.Kind.WEEKLY && d.status().isFinal()).findFirst();
      if (row.isPresent()) {
        assertThat(row.get().status()).as(row.get().lastError().orElse("")).isEqualTo(Delivery.Status.SENT);
        return row.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no weekly row was sent within " + WAIT + ": " + reports(app));
  }

  private static List<Delivery> reports(Paperboy app) {
    return app.subscriptionAdmin().reports().all();
  }
}
