package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.discord.DiscordPreview;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.slack.SlackPreview;
import io.paperboy.slack.SlackRenderer;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flood bound on weekly posts: a hostile week (seven days of 1,000 papers each) is cut to
 * {@code max-papers} cards and {@code max-messages} messages on Discord's and Slack's renderers,
 * and the "…and N more" line counts every paper left out and names the days that hold them.
 */
@DisplayName("Weekly flood bound: a week of 7,000 papers stays within max-papers and max-messages, the rest counted")
class WeeklyFloodBoundTest {

  /** Monday 2024-06-10 09:00 in Seoul: the slot whose week is 2024-06-03 … 2024-06-09. */
  private static final Instant SLOT = Instant.parse("2024-06-10T00:00:00Z");
  private static final LocalDate FIRST = LocalDate.parse("2024-06-03");
  private static final LocalDate LAST = LocalDate.parse("2024-06-09");
  private static final int PER_DAY = 1_000;
  private static final int WEEK = 7 * PER_DAY;
  private static final Pattern MORE = Pattern.compile("…and (\\d+) more: (.*)");
  private static final Pattern DIGEST_COMMAND = Pattern.compile("`/digest (\\d{4}-\\d{2}-\\d{2})`");

  @TempDir
  Path dir;
  DeliveryFixture f;

  @BeforeEach
  void open() {
    f = new DeliveryFixture(dir.resolve("p.db"));
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      f.papers.save(day(d));
    }
  }

  @AfterEach
  void close() {
    f.close();
  }

  /** {@link #PER_DAY} papers with ids unique across the week; votes interleave the days in the week's ranking. */
  private static Digest day(LocalDate date) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= PER_DAY; rank++) {
      String id = String.format("2406.%05d", date.getDayOfMonth() * 10_000 + rank);
      entries.add(new DigestEntry(date, rank, id, "Paper " + rank + " of " + date, "https://arxiv.org/abs/" + id,
          Optional.of(7 * (PER_DAY - rank) + date.getDayOfMonth() % 7), List.of("Ada Lovelace", "Alan Turing"),
          Optional.empty(), "- 요약 " + rank + ": a short summary of the paper."));
    }
    return new Digest(date, entries, "test:" + date);
  }

  private static Optional<Matcher> moreLine(Message m) {
    return m.blocks().stream().filter(Block.Text.class::isInstance).map(b -> MORE.matcher(((Block.Text) b).markdown()))
        .filter(Matcher::matches).findFirst();
  }

  /** The days the line's {@code /digest} commands name. */
  private static Set<LocalDate> days(String commands) {
    Set<LocalDate> days = new TreeSet<>();
    Matcher m = DIGEST_COMMAND.matcher(commands);
    while (m.find()) {
      days.add(LocalDate.parse(m.group(1)));
    }
    return days;
  }

  /** The days of the week's papers ranked after the first {@code shown}, straight from the store. */
  private Set<LocalDate> daysAfter(int shown) {
    List<DigestEntry> all = f.papers.top(FIRST, LAST, Integer.MAX_VALUE);
    assertThat(all).hasSize(WEEK);
    Set<LocalDate> days = new TreeSet<>();
    all.subList(shown, all.size()).forEach(e -> days.add(e.date()));
    return days;
  }

  private static Message post(PostComposer.Composed composed) {
    assertThat(composed).isInstanceOf(PostComposer.Post.class);
    return ((PostComposer.Post) composed).message();
  }

  @Test
  @DisplayName("max-papers: 100 cards, then '…and 6900 more' naming the digest of every day the rest comes from")
  void paperBound() {
    Message m = post(new WeeklyPosts(f.papers, 100).week(FIRST, LAST, 0, Optional.empty()));
    assertThat(m.paperCards()).hasSize(100);
    Matcher more = moreLine(m).orElseThrow(() -> new AssertionError("no '…and N more' line in " + m.blocks()));
    assertThat(Integer.parseInt(more.group(1))).isEqualTo(WEEK - 100);
    assertThat(days(more.group(2))).isEqualTo(daysAfter(100)).hasSize(7);
    assertThat(m.blocks()).filteredOn(Block.Context.class::isInstance).first()
        .satisfies(c -> assertThat(String.join(" ", ((Block.Context) c).items())).contains("the 100 most voted of 7000 papers"));

    // a subscription's own top below the bound: no line, the count says what was chosen
    Message top10 = post(new WeeklyPosts(f.papers, 100).week(FIRST, LAST, 10, Optional.empty()));
    assertThat(top10.paperCards()).hasSize(10);
    assertThat(moreLine(top10)).isEmpty();
    // a top above the bound: the bound wins, the line counts up to the top only
    Message top300 = post(new WeeklyPosts(f.papers, 100).week(FIRST, LAST, 300, Optional.empty()));
    assertThat(top300.paperCards()).hasSize(100);
    assertThat(moreLine(top300).orElseThrow().group(1)).isEqualTo("200");
  }

  @Test
  @DisplayName("max-messages on Discord's and Slack's renderers, digest and threads style: at most the bound, the most cards that fit")
  void messageBoundOnBothRenderers() {
    int maxMessages = 5;
    WeeklyPosts weekly = new WeeklyPosts(f.papers, 100);
    PostPreviews previews = new PostPreviews(new DailyPosts(f.papers, new DailyPostFormatter()), weekly,
        new MessageBound(maxMessages), Map.of(Platform.DISCORD, DiscordPreview::messages, Platform.SLACK, SlackPreview::messages));
    Map<Platform, PostSize> sizes = Map.of(Platform.DISCORD, DiscordPreview::messages, Platform.SLACK, SlackPreview::messages);
    for (Platform platform : List.of(Platform.DISCORD, Platform.SLACK)) {
      for (Subscription.Style style : Subscription.Style.values()) {
        String where = platform + " " + style;
        PostSize size = sizes.get(platform);
        PostStyle postStyle = RowDelivery.style(style);
        // GIVEN the uncut post would flood
        assertThat(size.messages(post(weekly.week(FIRST, LAST, 0, Optional.empty())), postStyle)).as(where)
            .isGreaterThan(maxMessages);

        Message m = post(previews.weekly(platform, style, FIRST, LAST, 0, Optional.empty()));

        // THEN within the bound, with as many cards as fit (one more would not), and nothing lost
        int cards = m.paperCards().size();
        assertThat(size.messages(m, postStyle)).as(where).isLessThanOrEqualTo(maxMessages);
        assertThat(cards).as(where).isPositive();
        assertThat(size.messages(post(weekly.week(FIRST, LAST, 0, Optional.empty(), cards + 1)), postStyle)).as(where)
            .isGreaterThan(maxMessages);
        Matcher more = moreLine(m).orElseThrow(() -> new AssertionError(where + ": no '…and N more' line"));
        assertThat(cards + Integer.parseInt(more.group(1))).as(where).isEqualTo(WEEK);
        assertThat(days(more.group(2))).as(where).isEqualTo(daysAfter(cards));
      }
    }
  }

  @Test
  @DisplayName("the worker posts the bounded weekly post to the fake Slack through Bolt: the preview's messages, no more")
  void workerPostsTheBoundedWeek() throws Exception {
    int maxMessages = 4;
    ChannelRef channel = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C0WEEK");
    Instant since = SLOT.minus(Duration.ofDays(30));
    f.subscriptions.save(Subscription.of(channel, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.parse("mon"), since)
        .withCadence(Subscription.Cadence.WEEKLY, DaySet.parse("mon")), since);
    WeeklyPosts weekly = new WeeklyPosts(f.papers, 100);
    Clock clock = DeliveryFixture.clockAt(SLOT.plusSeconds(60));
    try (FakeSlack fake = FakeSlack.start().channel("C0WEEK", FakeSlack.Membership.MEMBER)) {
      SlackGateway gateway = new SlackGateway(SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN),
          new SlackRenderer(), Duration.ofSeconds(30), 3);
      DeliveryWorker worker = new DeliveryWorker(f.outbox, Map.of(Kind.WEEKLY, weekly), Map.of(Platform.SLACK, gateway),
          DeliveryWorkerTest.QUICK, DeliveryFixture.WINDOW, Duration.ofMillis(200), 1, clock, maxMessages);
      f.planner(clock, worker::wake).planOnce();
      worker.start();
      try {
        f.awaitQuiet(DeliveryWorkerTest.GUARD);
      } finally {
        worker.stop(Duration.ofSeconds(10));
      }

      Delivery row = f.reports.find(new OutboxKey(channel, Kind.WEEKLY, "2024-W24-1")).orElseThrow();
      assertThat(row.status()).as(row.lastError().orElse("")).isEqualTo(Delivery.Status.SENT);
      List<PostedMessage> posted = fake.messages("C0WEEK");
      Message preview = post(new PostPreviews(new DailyPosts(f.papers, new DailyPostFormatter()), weekly,
          new MessageBound(maxMessages), Map.of(Platform.SLACK, SlackPreview::messages))
          .weekly(Platform.SLACK, Subscription.Style.DIGEST, FIRST, LAST, 0, Optional.empty()));
      assertThat(posted).hasSize(row.messageIds().size()).hasSizeLessThanOrEqualTo(maxMessages)
          .hasSize(SlackPreview.messages(preview, PostStyle.DIGEST));
      String more = moreLine(preview).orElseThrow().group(0);
      String all = posted.stream().map(p -> p.text() + "\n" + p.blocks()).reduce("", String::concat);
      assertThat(all).contains("…and " + (WEEK - preview.paperCards().size()) + " more");
      assertThat(more).startsWith("…and " + (WEEK - preview.paperCards().size()) + " more: `/digest 2024-06-03`");
    }
  }
}
