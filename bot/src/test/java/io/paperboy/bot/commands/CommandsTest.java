package io.paperboy.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import io.paperboy.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading commands against a real SQLite store. */
class CommandsTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final LocalDate FRI = LocalDate.of(2024, 6, 7);
  private static final LocalDate THU = LocalDate.of(2024, 6, 6);

  @TempDir
  Path dir;

  private SqliteStores stores;
  private PaperStore store;
  private CommandRegistry registry;
  private CommandService service;

  @BeforeEach
  void setUp() {
    stores = SqliteStores.open(dir.resolve("paperboy.db"));
    store = stores.papers();
    List<io.paperboy.core.command.Command> commands = new ArrayList<>(List.of(
        new PaperCommand(store), new TopCommand(store, SEOUL), new SearchCommand(store),
        new DigestCommand(store, SEOUL, new DailyPostFormatter())));
    commands.add(new HelpCommand(List.copyOf(commands)));
    registry = new CommandRegistry(commands);
    service = new CommandService(registry);
    // GIVEN two days; 2406.04325 appears on both with different votes and title spellings
    store.save(new Digest(THU, List.of(
        entry(THU, 1, "2406.04325", "ShareGPT4Video: 10$\\times$ better", 20, "- 비디오 확산모델을 소개합니다."),
        entry(THU, 2, "2406.00001", "An Unvoted Paper", null, "- 투표 없음")), "thu.md"));
    store.save(new Digest(FRI, List.of(
        entry(FRI, 1, "2406.04325", "ShareGPT4Video: 10 times better", 35, "- 비디오 확산모델을 소개합니다."),
        entry(FRI, 2, "2406.04326", "LLMs as Planners", 35, "- LLMs plan **well**."),
        entry(FRI, 3, "2406.04327", "Quiet Paper", 3, "- 조용한 논문")), "fri.md"));
  }

  @AfterEach
  void tearDown() {
    service.close();
    stores.close();
  }

  private static DigestEntry entry(LocalDate d, int rank, String id, String title, Integer votes, String summary) {
    return new DigestEntry(d, rank, id, title, "https://arxiv.org/abs/" + id, Optional.ofNullable(votes),
        List.of("Ana Kim", "Bo Lee"), Optional.of("https://cdn/" + id + ".png"), summary);
  }

  private Message ask(String line) {
    return ask(line, Instant.parse("2024-06-07T03:00:00Z"));
  }

  private Message ask(String line, Instant now) {
    String name = line.substring(1).split(" ", 2)[0];
    String args = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
    try {
      ParsedCommand p = registry.parse(name, args);
      return service.execute(new CommandRequest(p.command(), p.subcommand(), p.options(), Caller.console(),
          ChannelRef.console(), now)).toCompletableFuture().join();
    } catch (UsageException e) {
      return CommandService.usage(e);
    }
  }

  private static String text(Message m) {
    return m.blocks().stream().filter(b -> b instanceof Block.Text).map(b -> ((Block.Text) b).markdown())
        .findFirst().orElse("");
  }

  @Test
  @DisplayName("/paper by id, versioned id or URL shows the latest view with every date it appeared")
  void paper() {
    for (String q : List.of("2406.04325", "2406.04325v3", "https://arxiv.org/pdf/2406.04325.pdf",
        "https://huggingface.co/papers/2406.04325")) {
      Message m = ask("/paper " + q);
      assertThat(m.paperCards()).as(q).hasSize(1);
      Block.PaperCard card = m.paperCards().get(0);
      assertThat(card.title()).isEqualTo("ShareGPT4Video: 10 times better");
      assertThat(card.votes()).hasValue(35);
      assertThat(card.dates()).containsExactly(THU, FRI);
      assertThat(card.pdfUrl()).isEqualTo("https://arxiv.org/pdf/2406.04325");
    }
  }

  @Test
  @DisplayName("/paper of an unknown id answers clearly; a non-id is a usage error")
  void paperNotFound() {
    Message m = ask("/paper 2406.99999");
    assertThat(m.ephemeral()).isTrue();
    assertThat(text(m)).contains("No paper `2406.99999`").contains("2024-06-07");
    assertThat(text(ask("/paper banana"))).contains("not an arXiv id").contains("Usage: `/paper <ID|URL>`");
  }

  @Test
  @DisplayName("/top today uses the configured zone; ties by rank; a day without digest names the nearest")
  void top() {
    // 2024-06-07T03:00Z is 12:00 on the 7th in Seoul
    Message m = ask("/top today");
    assertThat(m.paperCards()).extracting(Block.PaperCard::arxivId)
        .containsExactly("2406.04325", "2406.04326", "2406.04327");
    assertThat(ask("/top yesterday").paperCards()).extracting(Block.PaperCard::arxivId)
        .containsExactly("2406.04325", "2406.00001");
    assertThat(ask("/top week 2").paperCards()).hasSize(2);
    Message none = ask("/top 2024-06-09");
    assertThat(text(none)).isEqualTo("No digest on 2024-06-09 — the nearest is 2024-06-07:");
    assertThat(none.paperCards()).hasSize(3);
    assertThat(text(ask("/top 2024-13-01"))).contains("not a real date");
    assertThat(text(ask("/top week 0"))).contains("a number from 1 to 25");
  }

  @Test
  @DisplayName("a period that moves with the clock, empty because the digests are older, answers with the latest of its kind")
  void topFallsBackToTheLatest() {
    // GIVEN the digests of 2024-06-06 and 07, asked on 2026-12-03 (as the embedded seeds are on any real day)
    Instant later = Instant.parse("2026-12-03T03:00:00Z");
    Message today = ask("/top today", later);
    assertThat(text(today)).isEqualTo("No digest today (2026-12-03) — the latest is 2024-06-07:");
    assertThat(today.blocks().get(1)).isEqualTo(new Block.Header("Top 3 — 2024-06-07"));
    assertThat(today.paperCards()).extracting(Block.PaperCard::arxivId)
        .containsExactly("2406.04325", "2406.04326", "2406.04327");
    assertThat(text(ask("/top", later))).isEqualTo(text(today));
    Message week = ask("/top week 5", later);
    assertThat(text(week)).isEqualTo(
        "No digest this week (2026-11-27 – 2026-12-03) — the latest is the week 2024-06-01 – 2024-06-07:");
    assertThat(week.blocks().get(1)).isEqualTo(new Block.Header("Top 4 — the week 2024-06-01 – 2024-06-07"));
    assertThat(text(ask("/top month", later))).startsWith("No digest in the last 30 days (2026-11-04 – 2026-12-03)")
        .endsWith("the latest is the 30 days 2024-05-09 – 2024-06-07:");
    // yesterday stands in with the latest day up to yesterday, not a later one
    Message yesterday = ask("/top yesterday", Instant.parse("2024-06-08T03:00:00Z"));
    assertThat(yesterday.paperCards()).hasSize(3);
    assertThat(text(ask("/top yesterday", Instant.parse("2024-06-09T03:00:00Z"))))
        .isEqualTo("No digest yesterday (2024-06-08) — the latest is 2024-06-07:");
    // a period that holds a digest is answered as asked, without a note
    assertThat(ask("/top week", Instant.parse("2024-06-09T03:00:00Z")).blocks().get(0))
        .isEqualTo(new Block.Header("Top 4 — the week 2024-06-03 – 2024-06-09"));
  }

  @Test
  @DisplayName("/digest today and yesterday without a digest show the latest day, a given date the nearest, each said in one line")
  void digestFallsBack() {
    Instant later = Instant.parse("2026-12-03T03:00:00Z");
    Message today = ask("/digest today", later);
    assertThat(text(today)).isEqualTo("No digest today (2026-12-03) — the latest is 2024-06-07:");
    assertThat(today.paperCards()).hasSize(3);
    assertThat(((Block.Header) today.blocks().get(1)).text()).contains("2024-06-07");
    assertThat(text(ask("/digest yesterday", later))).isEqualTo("No digest yesterday (2026-12-02) — the latest is 2024-06-07:");
    Message given = ask("/digest 2024-06-05", later);
    assertThat(text(given)).isEqualTo("No digest on 2024-06-05 — the nearest is 2024-06-06:");
    assertThat(given.paperCards()).hasSize(2);
  }

  @Test
  @DisplayName("/search finds Korean inside words and English plurals; hostile input is just text")
  void search() {
    assertThat(ask("/search 확산").paperCards()).extracting(Block.PaperCard::arxivId).containsExactly("2406.04325");
    assertThat(ask("/search 모델").paperCards()).extracting(Block.PaperCard::arxivId).containsExactly("2406.04325");
    assertThat(ask("/search LLM").paperCards()).extracting(Block.PaperCard::arxivId).containsExactly("2406.04326");
    // hostile input is searched as words, never an SQL or FTS5 error
    for (String hostile : List.of("foo\"", "AND", "NEAR(", "C++", "'; DROP TABLE paper; --", "a:b", "*", "-", "OR OR")) {
      Message m = ask("/search " + hostile);
      assertThat(text(m)).as(hostile).contains("No paper matches").doesNotContain("failed unexpectedly");
    }
    assertThat(ask("/paper 2406.04325").paperCards()).as("the store survived").hasSize(1);
    assertThat(ask("/search LLMs \"well").paperCards()).as("unclosed quote: plain words")
        .extracting(Block.PaperCard::arxivId).containsExactly("2406.04326");
  }

  @Test
  @DisplayName("/search speaks the query language: phrases, OR, exclusions, fields, regex")
  void searchLanguage() {
    assertThat(ask("/search 확산 OR planners").paperCards()).extracting(Block.PaperCard::arxivId)
        .containsExactlyInAnyOrder("2406.04325", "2406.04326");
    assertThat(ask("/search 논문 -조용한").paperCards()).isEmpty();
    assertThat(ask("/search title:planners").paperCards()).extracting(Block.PaperCard::arxivId)
        .containsExactly("2406.04326");
    assertThat(ask("/search summary:planners").paperCards()).isEmpty();
    assertThat(ask("/search /sharegpt4video: 10/").paperCards()).extracting(Block.PaperCard::arxivId)
        .containsExactly("2406.04325");
    assertThat(ask("/search \"LLMs plan\" n:1").paperCards()).hasSize(1);
  }

  private static List<String> contexts(Message m) {
    return m.blocks().stream().filter(b -> b instanceof Block.Context).map(b -> String.join(" · ", ((Block.Context) b).items()))
        .toList();
  }

  @Test
  @DisplayName("/search says how many match: '5 of 17 — add n:20 for more', or how many when all are listed")
  void searchCount() {
    // GIVEN 17 papers about 확산 on one more day
    List<DigestEntry> many = new ArrayList<>();
    for (int i = 1; i <= 17; i++) {
      many.add(entry(LocalDate.of(2024, 6, 10), i, String.format("2406.1%04d", i), "Diffusion " + i, 40 - i,
          "- 확산 " + i));
    }
    store.save(new Digest(LocalDate.of(2024, 6, 10), many, "mon.md"));

    Message five = ask("/search 확산");
    assertThat(five.paperCards()).hasSize(5);
    assertThat(contexts(five)).containsExactly("5 of 18 — add n:20 for more");
    assertThat(contexts(ask("/search 확산 n:20"))).containsExactly("18 matches");
    assertThat(contexts(ask("/search 확산 n:25"))).containsExactly("18 matches");
    assertThat(contexts(ask("/search 확산 n:10"))).containsExactly("10 of 18 — add n:20 for more");
    assertThat(contexts(ask("/search 확산 -소개합니다 n:3"))).containsExactly("3 of 17 — add n:20 for more");
    assertThat(contexts(ask("/search planners"))).containsExactly("1 match");
  }

  @Test
  @DisplayName("a 4,500-character query: the header echoes its start, the 'read as plain words' note comes before the results")
  void longQuery() {
    String query = "확산 " + "x".repeat(4500);
    Message m = ask("/search " + query);
    assertThat(m.blocks()).isNotEmpty();
    // nothing matches the long word; the answer is short and warns first
    assertThat(text(m)).startsWith("Read as plain words (query syntax, position 301: the query is longer than 300 characters).")
        .contains("No paper matches `확산 xxx").hasSizeLessThan(250);

    Message found = ask("/search " + "확산 ".repeat(1500));
    Block.Header header = (Block.Header) found.blocks().get(0);
    assertThat(header.text()).startsWith("Search: 확산 확산").endsWith("…").hasSizeLessThanOrEqualTo(90);
    assertThat(found.blocks().get(1)).isEqualTo(new Block.Context(List.of(
        "Read as plain words (query syntax, position 301: the query is longer than 300 characters).")));
    assertThat(found.blocks().get(2)).isEqualTo(new Block.Context(List.of("1 match")));
    assertThat(found.paperCards()).extracting(Block.PaperCard::arxivId).containsExactly("2406.04325");
  }

  @Test
  @DisplayName("/digest shows a whole day as the daily post; /help lists every command")
  void digestAndHelp() {
    Message day = ask("/digest 2024-06-06");
    assertThat(day.paperCards()).hasSize(2);
    assertThat(((Block.Header) day.blocks().get(0)).text()).contains("2024-06-06");
    assertThat(ask("/digest").paperCards()).hasSize(3);
    String help = text(ask("/help"));
    assertThat(help).contains("/paper <ID|URL>", "/top [today|yesterday|week|month|YYYY-MM-DD] [N]", "/search <QUERY…> [n:N]",
        "/digest", "/help");
  }

  @Test
  @DisplayName("date autocomplete offers keywords, then the newest days with digests")
  void suggestions() {
    assertThat(registry.suggest("top", "period", "")).startsWith("today", "yesterday", "week", "month")
        .contains("2024-06-07", "2024-06-06");
    assertThat(registry.suggest("top", "period", "2024-06-0")).containsExactly("2024-06-07", "2024-06-06");
  }
}
