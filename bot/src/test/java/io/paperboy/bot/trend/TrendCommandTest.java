package io.paperboy.bot.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.console.AttachmentFiles;
import io.paperboy.core.console.ConsoleRenderer;
import io.paperboy.core.console.TerminalStyle;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.CountPeriod;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import io.paperboy.store.PeriodCount;
import io.paperboy.store.SearchHit;
import io.paperboy.store.query.SearchInput;
import io.paperboy.store.sqlite.SqliteStores;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /trend} against a real SQLite store: the counts, the range, the PNG, the console's view. */
@DisplayName("/trend: counts per week or month, drawn as a PNG")
class TrendCommandTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  /** Tuesdays, 20 weeks from 2024-01-30; the newest is 2024-06-11. */
  private static final LocalDate FIRST = LocalDate.of(2024, 1, 30);
  private static final int WEEKS = 20;
  private static final LocalDate NEWEST = FIRST.plusWeeks(WEEKS - 1);
  /** 09:00 in Seoul, the day after the newest digest. */
  private static final Instant NOW = NEWEST.plusDays(1).atTime(9, 0).atZone(SEOUL).toInstant();

  @TempDir
  Path dir;

  private SqliteStores stores;
  private PaperStore store;
  private TrendCommand trend;
  private CommandRegistry registry;

  @BeforeEach
  void setUp() {
    stores = SqliteStores.open(dir.resolve("paperboy.db"));
    store = stores.papers();
    trend = new TrendCommand(store, SEOUL);
    registry = new CommandRegistry(List.of(trend));
    // GIVEN week w has w % 5 papers about 확산 (diffusion), two about transformers, and one old
    // paper listed again every week (it counts once, in the first week)
    for (int w = 0; w < WEEKS; w++) {
      LocalDate day = FIRST.plusWeeks(w);
      List<DigestEntry> entries = new ArrayList<>();
      entries.add(entry(day, 1, "2401.00001", "확산모델의 오래된 고전", "- 계속 다시 소개된다"));
      for (int i = 0; i < w % 5; i++) {
        entries.add(entry(day, entries.size() + 1, "2406.%05d".formatted(w * 100 + i), "확산 모델 연구 " + i, "- 새로운 확산 기법"));
      }
      for (int i = 0; i < 2; i++) {
        entries.add(entry(day, entries.size() + 1, "2406.%05d".formatted(50_000 + w * 100 + i), "Transformer study " + i,
            "- attention everywhere"));
      }
      store.save(new Digest(day, entries, "week-" + w + ".md"));
    }
  }

  @AfterEach
  void tearDown() {
    stores.close();
  }

  private static DigestEntry entry(LocalDate d, int rank, String id, String title, String summary) {
    return new DigestEntry(d, rank, id, title, "https://arxiv.org/abs/" + id, Optional.of(10), List.of("Ana Kim"),
        Optional.empty(), summary);
  }

  private CommandRequest request(String line) {
    ParsedCommand p = registry.parse("trend", line);
    return new CommandRequest(p.command(), p.subcommand(), p.options(), Caller.console(), ChannelRef.console(), NOW);
  }

  private static Block.Attachment chart(Message m) {
    return m.blocks().stream().filter(b -> b instanceof Block.Attachment).map(b -> (Block.Attachment) b)
        .findFirst().orElseThrow();
  }

  /**
   * The counts straight from the store, independently of the count port: every paper search
   * finds for the query, counted in the week (Monday first) of the first day that listed it.
   */
  private Map<LocalDate, Integer> directPerWeek(String query, LocalDate from, LocalDate to) {
    Map<LocalDate, Integer> perWeek = new HashMap<>();
    for (SearchHit hit : store.search(SearchInput.parse(query).query().orElseThrow(), 10_000)) {
      LocalDate first = hit.paper().dates().get(0);
      if (!first.isBefore(from) && !first.isAfter(to)) {
        LocalDate monday = first.minusDays(first.getDayOfWeek().getValue() - 1L);
        perWeek.merge(monday, 1, Integer::sum);
      }
    }
    return perWeek;
  }

  @Test
  @DisplayName("the counts behind the chart are the store's direct count for the same query and weeks")
  void countsMatchTheStore() {
    TrendCommand.Counted counted = trend.count(request("확산 vs:transformer")).orElseThrow();

    TrendRange range = counted.range();
    assertThat(range.by()).isEqualTo(CountPeriod.WEEK);
    assertThat(range.to()).isEqualTo(NEWEST);
    assertThat(range.from().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(counted.series()).hasSize(2);
    for (TrendChart.Series s : counted.series()) {
      Map<LocalDate, Integer> direct = directPerWeek(s.name(), range.from(), range.to());
      assertThat(s.counts()).isNotEmpty().allSatisfy(c -> {
        assertThat(c.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(c.papers()).as("%s in the week of %s", s.name(), c.start()).isEqualTo(direct.getOrDefault(c.start(), 0));
      });
      // every direct count falls in one of the chart's weeks
      assertThat(s.counts().stream().mapToInt(PeriodCount::papers).sum())
          .isEqualTo(direct.values().stream().mapToInt(Integer::intValue).sum());
    }
    // 확산: the old paper once (week 0) plus 0+1+2+3+4 per five weeks; transformers: two a week
    assertThat(total(counted.series().get(0))).isEqualTo(1 + 4 * 10);
    assertThat(total(counted.series().get(1))).isEqualTo(2 * WEEKS);
    assertThat(counted.series().get(0).counts().stream().filter(c -> c.start().equals(FIRST.minusDays(1)))
        .findFirst().orElseThrow().papers()).as("week 0: the old paper only").isEqualTo(1);
  }

  private static int total(TrendChart.Series s) {
    return s.counts().stream().mapToInt(PeriodCount::papers).sum();
  }

  @Test
  @DisplayName("the answer is a header, a 1200×600 PNG that decodes, and a line saying what was counted")
  void answerCarriesThePng() throws Exception {
    Message m = trend.handle(request("확산 vs:transformer"));

    assertThat(m.ephemeral()).isFalse();
    assertThat(m.blocks().get(0)).isEqualTo(new Block.Header("Trend: 확산 vs transformer"));
    Block.Attachment chart = chart(m);
    assertThat(chart.fileName()).isEqualTo("trend.png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(TrendChart.WIDTH).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(TrendChart.HEIGHT).isEqualTo(600);
    assertThat(chart.altText()).startsWith("Line chart of papers per week").contains("확산 41 papers", "transformer 40 papers");
    assertThat(chart.textVersion()).hasSize(2);
    assertThat(chart.textVersion().get(0)).startsWith("확산").contains("41 papers");
    assertThat(m.blocks().get(2)).isInstanceOfSatisfying(Block.Context.class, c -> assertThat(c.items().get(0))
        .startsWith("Papers per week by the day a digest first listed them (weeks from Monday,"));
  }

  @Test
  @DisplayName("defaults: the last year by week; all by month; 90d; by:month overrides")
  void ranges() {
    TrendRange year = trend.count(request("확산")).orElseThrow().range();
    assertThat(year.from()).isEqualTo(CountPeriod.WEEK.start(NEWEST.minusYears(1).plusDays(1)));

    TrendRange all = trend.count(request("확산 period:all")).orElseThrow().range();
    assertThat(all.by()).isEqualTo(CountPeriod.MONTH);
    assertThat(all.from()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(trend.count(request("확산 period:all")).orElseThrow().series().get(0).counts())
        .extracting(PeriodCount::start).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1),
            LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1));

    TrendCommand.Counted quarter = trend.count(request("확산 period:90d")).orElseThrow();
    assertThat(quarter.range().from()).isEqualTo(CountPeriod.WEEK.start(NEWEST.minusDays(89)));
    assertThat(quarter.series().get(0).counts()).hasSize(14);

    TrendRange monthly = trend.count(request("확산 by:month")).orElseThrow().range();
    assertThat(monthly.by()).isEqualTo(CountPeriod.MONTH);
  }

  @Test
  @DisplayName("bad input is answered with what is wrong: no query, the same query twice, nothing found")
  void badInput() {
    assertThatThrownBy(() -> trend.handle(request("확산 vs:확산"))).isInstanceOf(UsageException.class)
        .hasMessageContaining("different query");
    assertThatThrownBy(() -> trend.handle(request("\"*()'"))).isInstanceOf(UsageException.class)
        .hasMessageContaining("no letters or digits");
    Message none = trend.handle(request("quantum"));
    assertThat(none.ephemeral()).isTrue();
    assertThat(((Block.Text) none.blocks().get(0)).markdown()).startsWith("No paper first listed from ")
        .endsWith("matches `quantum`.");
    // a query that is not valid syntax is counted as plain words, and the answer says so
    Message forgiven = trend.handle(request("확산 \""));
    assertThat(forgiven.blocks()).anySatisfy(b -> assertThat(b).isInstanceOfSatisfying(Block.Context.class,
        c -> assertThat(c.items().get(0)).startsWith("“확산 \"” read as plain words (query syntax, position")));
    // a query far longer than the language takes is read as plain words; the chart shows its start
    String longQuery = "확산 " + "모델 ".repeat(400);
    Message longAnswer = trend.handle(request(longQuery.strip()));
    Block.Attachment chart = chart(longAnswer);
    assertThat(chart.textVersion()).allSatisfy(line -> assertThat(line.length()).isLessThan(200));
    assertThat(chart.altText().length()).isLessThanOrEqualTo(Block.Attachment.MAX_ALT_TEXT);
    assertThat(((Block.Header) longAnswer.blocks().get(0)).text().length()).isLessThanOrEqualTo(150);
  }

  @Test
  @DisplayName("with no digest stored, it says so")
  void noDigests() {
    try (SqliteStores empty = SqliteStores.open(dir.resolve("empty.db"))) {
      Message m = new TrendCommand(empty.papers(), SEOUL).handle(request("확산"));
      assertThat(m.ephemeral()).isTrue();
      assertThat(((Block.Text) m.blocks().get(0)).markdown()).contains("No digest has been ingested yet");
    }
  }

  @Test
  @DisplayName("the console shows one sparkline per series and the path of the PNG it saved")
  void console() throws Exception {
    Message m = trend.handle(request("확산 vs:transformer"));
    Path charts = dir.resolve("data").resolve("charts");

    String out = new ConsoleRenderer(TerminalStyle.PLAIN, new AttachmentFiles(charts)).render(m);

    assertThat(out).contains("══ Trend: 확산 vs transformer ══");
    Matcher spark = Pattern.compile("(?m)^확산 +([▁▂▃▄▅▆▇█]+)  41 papers").matcher(out);
    assertThat(spark.find()).as(out).isTrue();
    assertThat(spark.group(1)).hasSize(trend.count(request("확산")).orElseThrow().series().get(0).counts().size());
    assertThat(out).containsPattern("(?m)^transformer +[▁▂▃▄▅▆▇█]+  40 papers");
    Matcher saved = Pattern.compile("(?m)^trend\\.png saved as (.+\\.png)$").matcher(out);
    assertThat(saved.find()).as(out).isTrue();
    Path file = Path.of(saved.group(1));
    assertThat(file).exists().hasParent(charts);
    assertThat(Files.readAllBytes(file)).isEqualTo(chart(m).png());
    // the same chart again is the same file, not a second one
    new ConsoleRenderer(TerminalStyle.PLAIN, new AttachmentFiles(charts)).render(m);
    try (var files = Files.list(charts)) {
      assertThat(files.toList()).containsExactly(file);
    }
  }
}
