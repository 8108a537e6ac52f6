package io.paperboy.bot.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.command.UsageException;
import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.bot.delivery.DailyPosts;
import io.paperboy.bot.delivery.MessageBound;
import io.paperboy.bot.delivery.PostPreviews;
import io.paperboy.bot.delivery.WeeklyPosts;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import io.paperboy.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/subscribe, /unsubscribe, /subscriptions, /preview on a real database")
class SubscriptionCommandsTest {

  static final ChannelRef C1 = ChannelRef.of(Platform.SLACK, "T1", "C1");
  static final ChannelRef C2 = ChannelRef.of(Platform.SLACK, "T1", "C2");
  static final ChannelRef OTHER_WORKSPACE = ChannelRef.of(Platform.SLACK, "T2", "C1");
  static final Caller MANAGER = new Caller("U-admin", "ada", true);
  static final Caller MEMBER = new Caller("U-member", "max", false);
  /** Friday 2024-06-07 08:00 in Seoul. */
  static final Instant NOW = Instant.parse("2024-06-06T23:00:00Z");

  @TempDir
  Path dir;
  SqliteStores stores;
  SubscriptionStore subscriptions;
  OutboxStore outbox;
  CommandRegistry registry;
  CommandService service;

  @BeforeEach
  void open() {
    stores = SqliteStores.open(dir.resolve("p.db"));
    PaperStore papers = stores.papers();
    subscriptions = stores.subscriptions();
    outbox = stores.outbox();
    LocalDate day = LocalDate.parse("2024-06-07");
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= 5; rank++) {
      entries.add(new DigestEntry(day, rank, "2406.0000" + rank, "Paper " + rank, "https://arxiv.org/abs/2406.0000" + rank,
          rank == 5 ? Optional.empty() : Optional.of(50 - 10 * rank), List.of("Ada"), Optional.empty(), "- 요약"));
    }
    papers.save(new Digest(day, entries, "test"));
    Subscribing subscribing = new Subscribing(subscriptions,
        new SubscriptionDefaults(LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.WEEKDAYS));
    PostPreviews posts = new PostPreviews(new DailyPosts(papers, new DailyPostFormatter()), new WeeklyPosts(papers),
        new MessageBound(DeliveryConfig.DEFAULT_MAX_MESSAGES), Map.of());
    registry = new CommandRegistry(List.of(new SubscribeCommand(subscribing), new UnsubscribeCommand(subscribing),
        new SubscriptionsCommand(subscriptions, stores.reports()), new PreviewCommand(subscribing, papers, posts)));
    service = new CommandService(registry);
  }

  @AfterEach
  void close() {
    service.close();
    stores.close();
  }

  /** Runs a command line as Slack or the console would (free text parsed by the definition). */
  Message run(String line, ChannelRef channel, Caller caller) {
    int space = line.indexOf(' ');
    String name = space < 0 ? line : line.substring(0, space);
    try {
      ParsedCommand parsed = registry.parse(name, space < 0 ? "" : line.substring(space + 1));
      return service.execute(new CommandRequest(parsed.command(), parsed.subcommand(), parsed.options(), caller,
          channel, NOW)).toCompletableFuture().join();
    } catch (UsageException e) {
      return CommandService.usage(e);
    }
  }

  static String text(Message m) {
    return m.blocks().stream().map(b -> b instanceof Block.Text t ? t.markdown()
        : b instanceof Block.Header h ? h.text()
        : b instanceof Block.Context c ? String.join(" ", c.items())
        : b instanceof Block.PaperCard p ? "[card " + p.arxivId() + "]" : "").collect(Collectors.joining("\n"));
  }

  @Test
  @DisplayName("/subscribe with no options: the defaults, and the next post is today's 09:00 in Seoul")
  void subscribeWithDefaults() {
    Message answer = run("subscribe", C1, MANAGER);

    assertThat(answer.ephemeral()).isTrue();
    assertThat(text(answer)).contains("This channel now gets the daily papers digest.")
        .contains("weekdays at 09:00 (Asia/Seoul) · all papers · digest style")
        .contains("Next post:** Fri 7 Jun 2024, 09:00 KST (in 60m)");
    Subscription s = subscriptions.find(C1).orElseThrow();
    assertThat(s.createdAt()).isEqualTo(NOW);
    assertThat(s.days()).isEqualTo(DaySet.WEEKDAYS);
  }

  @Test
  @DisplayName("/subscribe with every option, by name and in order; again it changes only what it names")
  void subscribeWithOptionsThenUpdate() {
    run("subscribe 18:30 America/New_York mon,wed top:3 min_votes:20 style:threads no_digest_note:yes", C1, MANAGER);

    Subscription s = subscriptions.find(C1).orElseThrow();
    assertThat(s.time()).isEqualTo(LocalTime.of(18, 30));
    assertThat(s.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(s.days()).isEqualTo(DaySet.parse("mon,wed"));
    assertThat(s.top()).isEqualTo(3);
    assertThat(s.minVotes()).contains(20);
    assertThat(s.style()).isEqualTo(Subscription.Style.THREADS);
    assertThat(s.noDigestNote()).isTrue();

    Message answer = run("subscribe time:7am min_votes:0", C1, MANAGER);

    assertThat(text(answer)).contains("updated").contains("mon,wed at 07:00 (America/New_York) · top 3 · threads style");
    Subscription updated = subscriptions.find(C1).orElseThrow();
    assertThat(updated.minVotes()).isEmpty();
    assertThat(updated.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(updated.createdAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("bad values are refused with what is wrong and the usage; nothing is stored")
  void badValues() {
    assertThat(text(run("subscribe time:25:00", C1, MANAGER))).contains("time: `25:00` is not a time of day")
        .contains("Usage: `/subscribe");
    assertThat(text(run("subscribe timezone:Mars/Olympus", C1, MANAGER))).contains("not an IANA time zone");
    assertThat(text(run("subscribe days:funday", C1, MANAGER))).contains("`funday` is not a day");
    assertThat(text(run("subscribe style:fancy", C1, MANAGER))).contains("`style` must be one of digest, threads");
    assertThat(text(run("subscribe top:500", C1, MANAGER))).contains("`top` must be a number from 0 to 100");
    assertThat(subscriptions.all()).isEmpty();
  }

  @Test
  @DisplayName("only channel managers may subscribe or unsubscribe; anyone may list and preview")
  void managersOnly() {
    assertThat(text(run("subscribe", C1, MEMBER))).contains("Only people who can manage this channel");
    assertThat(subscriptions.all()).isEmpty();
    run("subscribe", C1, MANAGER);
    assertThat(text(run("unsubscribe", C1, MEMBER))).contains("Only people who can manage this channel");
    assertThat(subscriptions.find(C1)).isPresent();
    assertThat(text(run("subscriptions", C1, MEMBER))).contains("Daily-post subscriptions (1)");
    assertThat(text(run("preview", C1, MEMBER))).contains("Daily Papers — 2024-06-07");
  }

  @Test
  @DisplayName("/unsubscribe stops it and says so; a second time says there is nothing to stop")
  void unsubscribe() {
    run("subscribe", C1, MANAGER);

    assertThat(text(run("unsubscribe", C1, MANAGER))).contains("no longer gets the daily post");
    assertThat(subscriptions.find(C1)).isEmpty();
    assertThat(text(run("unsubscribe", C1, MANAGER))).contains("has no daily post to stop");
  }

  @Test
  @DisplayName("/subscriptions lists this workspace only, with next post, last delivery and pauses")
  void listing() {
    run("subscribe", C1, MANAGER);
    run("subscribe 20:00 Europe/Berlin daily", C2, MANAGER);
    run("subscribe", OTHER_WORKSPACE, MANAGER);
    // C1's Thursday post went out; C2 was paused because Slack said channel_not_found
    Subscription s1 = subscriptions.find(C1).orElseThrow();
    outbox.enqueue(List.of(PlannedDelivery.of(s1, Delivery.Kind.DIGEST, "2024-06-06",
        Instant.parse("2024-06-06T00:00:00Z"), Optional.empty())), NOW);
    long id = stores.reports().all().get(0).id();
    Instant start = Instant.parse("2024-06-06T00:00:01Z");
    outbox.markSent(outbox.claim(id, start, new Lease("worker", start.plusSeconds(900))).orElseThrow(), List.of("1717.1"),
        Instant.parse("2024-06-06T00:00:02Z"));
    subscriptions.pause(C2, "the channel is gone (channel_not_found: Slack refused)", NOW);

    String listing = text(run("subscriptions", C1, MEMBER));

    assertThat(listing).contains("Daily-post subscriptions (2)")
        .contains("**`C1`** (this channel)")
        .contains("Next post: Fri 7 Jun 2024, 09:00 KST (in 60m)")
        .contains("Last delivery: 2024-06-06: sent Thu 6 Jun 2024, 09:00 KST")
        .contains("**`C2`** — **paused**")
        .contains("daily at 20:00 (Europe/Berlin)")
        .contains("Next post: none while paused (the channel is gone (channel_not_found: Slack refused))")
        .contains("Last delivery: none yet")
        .doesNotContain("T2");
    assertThat(text(run("subscriptions", OTHER_WORKSPACE, MEMBER))).contains("(1)");
    assertThat(text(run("subscriptions", ChannelRef.of(Platform.DISCORD, "G9", "C1"), MEMBER)))
        .contains("No channel here gets the daily post yet");
  }

  @Test
  @DisplayName("/preview shows the latest day with the channel's top and min_votes, to the caller only")
  void preview() {
    Message unsubscribed = run("preview", C1, MEMBER);
    assertThat(unsubscribed.ephemeral()).isTrue();
    assertThat(text(unsubscribed)).contains("Preview with the default settings")
        .contains("[card 2406.00001]").contains("[card 2406.00005]");

    run("subscribe min_votes:15 top:2", C1, MANAGER);
    Message preview = run("preview", C1, MEMBER);
    assertThat(preview.paperCards()).extracting(Block.PaperCard::arxivId).containsExactly("2406.00001", "2406.00002");
    assertThat(text(preview)).contains("top 2 of 5 papers");

    run("subscribe min_votes:1000 top:0", C1, MANAGER);
    assertThat(text(run("preview", C1, MEMBER)))
        .contains("nothing would be posted for 2024-06-07 — none of the 5 papers of 2024-06-07 has at least 1000 votes");
  }

  @Test
  @DisplayName("re-subscribing a paused channel resumes it")
  void resume() {
    run("subscribe", C1, MANAGER);
    subscriptions.pause(C1, "the bot may not post there", NOW);

    assertThat(text(run("subscribe", C1, MANAGER))).contains("daily post is resumed");
    assertThat(subscriptions.find(C1).orElseThrow().paused()).isFalse();
  }

  @Test
  @DisplayName("timezone suggestions: names starting with what was typed first, at most 25")
  void timezoneSuggestions() {
    List<String> seoul = registry.suggest("subscribe", "timezone", "asia/se");
    assertThat(seoul).containsExactly("Asia/Seoul");
    List<String> york = registry.suggest("subscribe", "timezone", "york");
    assertThat(york).contains("America/New_York");
    assertThat(registry.suggest("subscribe", "timezone", "a")).hasSize(25).first().asString().startsWith("A");
  }
}
