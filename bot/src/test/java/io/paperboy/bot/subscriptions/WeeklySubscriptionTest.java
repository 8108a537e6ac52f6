package io.paperboy.bot.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.bot.delivery.DailyPosts;
import io.paperboy.bot.delivery.MessageBound;
import io.paperboy.bot.delivery.PostPreviews;
import io.paperboy.bot.delivery.WeeklyPosts;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import io.paperboy.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/subscribe cadence:weekly, /subscriptions and /preview of a weekly channel")
class WeeklySubscriptionTest {

  static final ChannelRef C1 = ChannelRef.of(Platform.SLACK, "T1", "C1");
  static final Caller MANAGER = new Caller("U-admin", "ada", true);
  /** Friday 2024-06-07 08:00 in Seoul. */
  static final Instant NOW = Instant.parse("2024-06-06T23:00:00Z");

  @TempDir
  Path dir;
  SqliteStores stores;
  SubscriptionStore subscriptions;
  CommandRegistry registry;
  CommandService service;

  @BeforeEach
  void open() {
    stores = SqliteStores.open(dir.resolve("p.db"));
    PaperStore papers = stores.papers();
    subscriptions = stores.subscriptions();
    // GIVEN three days of one week; w.top is on two days (its best: 90 votes), w.old is a week earlier
    papers.save(day("2024-05-30", entry("w.old", 500)));
    papers.save(day("2024-06-03", entry("w.top", 90), entry("w.a", 10)));
    papers.save(day("2024-06-05", entry("w.b", 40), entry("w.top", 70), entry("w.none", null)));
    papers.save(day("2024-06-07", entry("w.c", 60), entry("w.d", 5)));
    Subscribing subscribing = new Subscribing(subscriptions,
        new SubscriptionDefaults(LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.WEEKDAYS));
    PostPreviews posts = new PostPreviews(new DailyPosts(papers, new DailyPostFormatter()), new WeeklyPosts(papers),
        new MessageBound(DeliveryConfig.DEFAULT_MAX_MESSAGES), Map.of());
    registry = new CommandRegistry(List.of(new SubscribeCommand(subscribing),
        new SubscriptionsCommand(subscriptions, stores.reports()), new PreviewCommand(subscribing, papers, posts)));
    service = new CommandService(registry);
  }

  @AfterEach
  void close() {
    service.close();
    stores.close();
  }

  private static int rank;

  private static DigestEntry entry(String id, Integer votes) {
    return new DigestEntry(LocalDate.EPOCH, ++rank, id, "Paper " + id, "https://arxiv.org/abs/" + id,
        Optional.ofNullable(votes), List.of("Ada"), Optional.empty(), "- 요약");
  }

  private static Digest day(String iso, DigestEntry... entries) {
    LocalDate d = LocalDate.parse(iso);
    List<DigestEntry> list = new ArrayList<>();
    int r = 1;
    for (DigestEntry e : entries) {
      list.add(new DigestEntry(d, r++, e.arxivId(), e.title(), e.url(), e.votes(), e.authors(), e.media(), e.summary()));
    }
    return new Digest(d, list, "test");
  }

  Message run(String line) {
    int space = line.indexOf(' ');
    String name = space < 0 ? line : line.substring(0, space);
    try {
      ParsedCommand parsed = registry.parse(name, space < 0 ? "" : line.substring(space + 1));
      return service.execute(new CommandRequest(parsed.command(), parsed.subcommand(), parsed.options(), MANAGER,
          C1, NOW)).toCompletableFuture().join();
    } catch (UsageException e) {
      return CommandService.usage(e);
    }
  }

  static String text(Message m) {
    return SubscriptionCommandsTest.text(m);
  }

  @Test
  @DisplayName("cadence:weekly alone: Mondays at the default time, the top 10, and the next Monday as next post")
  void weeklyDefaults() {
    Message answer = run("subscribe cadence:weekly");

    assertThat(text(answer)).contains("This channel now gets the week's most voted papers, once a week.")
        .contains("weekly on Mondays at 09:00 (Asia/Seoul), the seven days before · top 10 · digest style")
        .contains("Next post:** Mon 10 Jun 2024, 09:00 KST (in 3d 1h), with the most voted papers of the seven days before.");
    Subscription s = subscriptions.find(C1).orElseThrow();
    assertThat(s.cadence()).isEqualTo(Subscription.Cadence.WEEKLY);
    assertThat(s.days()).isEqualTo(new DaySet(EnumSet.of(DayOfWeek.MONDAY)));
    assertThat(s.top()).isEqualTo(10);
  }

  @Test
  @DisplayName("day, time and top as given; changing only the day keeps it weekly; cadence:daily goes back to the default days")
  void changes() {
    run("subscribe cadence:weekly day:fri time:18:00 top:3");
    Subscription s = subscriptions.find(C1).orElseThrow();
    assertThat(s.days()).isEqualTo(new DaySet(EnumSet.of(DayOfWeek.FRIDAY)));
    assertThat(s.time()).isEqualTo(LocalTime.of(18, 0));
    assertThat(s.top()).isEqualTo(3);

    assertThat(text(run("subscribe day:wednesday"))).contains("This channel's weekly post is updated.")
        .contains("weekly on Wednesdays at 18:00");
    assertThat(subscriptions.find(C1).orElseThrow().top()).isEqualTo(3);

    assertThat(text(run("subscribe cadence:daily"))).contains("This channel's daily post is updated.")
        .contains("weekdays at 18:00 (Asia/Seoul) · top 3");
    assertThat(subscriptions.find(C1).orElseThrow().cadence()).isEqualTo(Subscription.Cadence.DAILY);
  }

  @Test
  @DisplayName("what does not fit the cadence is a usage error naming the option, and nothing changes")
  void errors() {
    assertThat(text(run("subscribe cadence:weekly days:mon,wed"))).contains("days: a weekly post comes on one day")
        .contains("Usage: `/subscribe");
    assertThat(text(run("subscribe cadence:weekly day:funday"))).contains("day: `funday` is not a day of the week");
    assertThat(text(run("subscribe cadence:weekly day:mon,tue"))).contains("day: a weekly post comes on one day");
    assertThat(text(run("subscribe day:mon"))).contains("day: is the day of a weekly post");
    assertThat(text(run("subscribe cadence:fortnightly"))).contains("cadence").contains("Usage: `/subscribe");
    assertThat(subscriptions.find(C1)).isEmpty();

    run("subscribe cadence:weekly");
    assertThat(text(run("subscribe days:weekdays"))).contains("days: this channel's post is weekly, on one day");
    assertThat(subscriptions.find(C1).orElseThrow().cadence()).isEqualTo(Subscription.Cadence.WEEKLY);
  }

  @Test
  @DisplayName("/subscriptions shows the weekly schedule")
  void listed() {
    run("subscribe cadence:weekly day:tue");
    assertThat(text(run("subscriptions"))).contains("weekly on Tuesdays at 09:00 (Asia/Seoul), the seven days before")
        .contains("Next post: Tue 11 Jun 2024, 09:00 KST");
  }

  @Test
  @DisplayName("/preview of a weekly channel: the seven days up to the latest day, most voted first, a paper once")
  void preview() {
    run("subscribe cadence:weekly top:4");

    Message m = run("preview");

    assertThat(m.ephemeral()).isTrue();
    assertThat(m.blocks()).contains(new Block.Header("Weekly Papers — 2024-06-01 – 2024-06-07"));
    // w.old is from the week before; w.top counts once, with its best day; unknown votes come last
    assertThat(m.paperCards()).extracting(Block.PaperCard::arxivId).containsExactly("w.top", "w.c", "w.b", "w.a");
    assertThat(m.paperCards().get(0).votes()).contains(90);
    assertThat(text(m)).contains("the 4 most voted of 6 papers");

    run("subscribe min_votes:1000");
    assertThat(text(run("preview"))).contains("nothing would be posted for 2024-06-01 – 2024-06-07")
        .contains("none of the 6 papers of 2024-06-01 – 2024-06-07 has at least 1000 votes");
  }
}
