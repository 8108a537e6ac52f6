package io.paperboy.bot.trend;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.command.Workload;
import io.paperboy.core.format.TextCut;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.CountPeriod;
import io.paperboy.store.PaperStore;
import io.paperboy.store.PeriodCount;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.SearchInput;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /trend QUERY [vs:QUERY] [period:90d|1y|all] [by:week|month]}: a chart of how many papers
 * matching the query (the language of {@code /search}, forgiving the same way) the digests first
 * listed per week or month, with a second line for {@code vs:}. Counted by the store
 * ({@link PaperStore#countPerPeriod}), drawn by {@link TrendChart}, answered as a header, the
 * chart as an attachment (sparklines as its text version) and a line saying what was counted.
 * Heavy: the first chart of a process loads the font and AWT, so the platforms are told at once
 * that the answer follows.
 */
public final class TrendCommand implements Command {

  static final String FILE_NAME = "trend.png";
  /** How much of a query the chart's title, legend and sparklines show. */
  private static final int LABEL = 60;

  private static final CommandDefinition DEFINITION = CommandDefinition.of("trend",
      "Chart how many papers matched a query per week or month",
      OptionDefinition.rest("query", "words, \"phrases\", OR, -word, title:/author:/summary:, /regex/", true)
          .withValue("QUERY"),
      OptionDefinition.string("vs", "a second query to compare with", false).withValue("QUERY"),
      OptionDefinition.choice("period", "90d, 1y or all (default 1y)", false, TrendRange.PERIODS),
      OptionDefinition.choice("by", "week or month (default week; month for all)", false, TrendRange.GRANULARITIES));

  private final PaperStore store;
  private final ZoneId zone;

  /** @param zone the zone whose today ends the range at the latest */
  public TrendCommand(PaperStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Workload workload() {
    return Workload.HEAVY;
  }

  @Override
  public Message handle(CommandRequest request) {
    Optional<Counted> counted = count(request);
    if (counted.isEmpty()) {
      return Message.ephemeralText("No digest has been ingested yet, so there is nothing to count.");
    }
    Counted c = counted.get();
    if (c.series().stream().allMatch(s -> total(s) == 0)) {
      return Message.ephemeralText("No paper first listed from " + c.range().from() + " to " + c.range().to()
          + " matches `" + code(c.main().label()) + "`" + c.vs().map(v -> " or `" + code(v.label()) + "`").orElse("") + ".");
    }
    return answer(c.main(), c.vs(), c.range(), c.series());
  }

  /**
   * What a request counts: its queries, its range and the store's counts per period, one series
   * per query; empty when no digest is stored.
   *
   * @throws UsageException for an empty query, or a comparison with the same query
   */
  Optional<Counted> count(CommandRequest request) {
    String text = request.string("query").orElse("").strip();
    Optional<String> vsText = request.string("vs").map(String::strip).filter(s -> !s.isEmpty());
    Term main = term(text);
    Optional<Term> vs = vsText.map(TrendCommand::term);
    if (vs.isPresent() && vs.get().label().equals(main.label())) {
      throw new UsageException("Compare `" + code(main.label()) + "` with a different query.", DEFINITION.usage());
    }
    List<LocalDate> days = store.digestDates();
    if (days.isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.ofInstant(request.now(), zone);
    LocalDate newest = days.get(days.size() - 1);
    LocalDate latest = newest.isAfter(today) ? today : newest;
    TrendRange range = TrendRange.of(request.string("period").orElse("1y"), request.string("by"), latest, days.get(0));
    List<TrendChart.Series> series = new ArrayList<>();
    series.add(count(main, range));
    vs.ifPresent(v -> series.add(count(v, range)));
    return Optional.of(new Counted(main, vs, range, series));
  }

  /** A request's queries, range and counts. */
  record Counted(Term main, Optional<Term> vs, TrendRange range, List<TrendChart.Series> series) {}

  private Message answer(Term main, Optional<Term> vs, TrendRange range, List<TrendChart.Series> series) {
    String title = "Trend: " + main.label() + vs.map(v -> " vs " + v.label()).orElse("");
    // the image has room for a line of title; the header of the message takes more
    String chartTitle = "Trend: " + TextCut.cut(main.label(), LABEL) + vs.map(v -> " vs " + TextCut.cut(v.label(), LABEL))
        .orElse("");
    String unit = range.unitName();
    String counted = "Papers per " + unit + " by the day a digest first listed them ("
        + (range.by() == CountPeriod.WEEK ? "weeks from Monday, " : "") + range.from() + " – "
        + range.to() + ", " + range.label() + ")";
    String source = "Source: the Daily Papers digests Paperboy stored, " + range.from() + " – " + range.to()
        + "; a paper counts once, in the " + unit + " a digest first listed it.";
    byte[] png = TrendChart.png(new TrendChart.Spec(chartTitle,
        (unit.equals("week") ? "Week (starting Monday)" : "Month"),
        "Papers first listed", source, range.by(), legend(series)));
    List<TrendChart.Series> shortNames = new ArrayList<>();
    series.forEach(s -> shortNames.add(new TrendChart.Series(TextCut.cut(s.name(), LABEL), s.counts())));
    List<String> sparklines = Sparklines.lines(shortNames, unit.equals("week") ? "week of" : "month from");
    Message.Builder b = Message.builder()
        .header(TextCut.cut(title, 150))
        .add(new Block.Attachment(FILE_NAME, png, altText(series, range), sparklines))
        .context(counted + ".");
    notes(main, vs).forEach(b::context);
    return b.build();
  }

  /** The legend names each line with its total, so the chart reads without the text around it. */
  private static List<TrendChart.Series> legend(List<TrendChart.Series> series) {
    List<TrendChart.Series> named = new ArrayList<>();
    for (TrendChart.Series s : series) {
      named.add(new TrendChart.Series(TextCut.cut(s.name(), LABEL) + " (" + total(s) + ")", s.counts()));
    }
    return named;
  }

  private static String altText(List<TrendChart.Series> series, TrendRange range) {
    StringBuilder alt = new StringBuilder("Line chart of papers per ").append(range.unitName()).append(", ")
        .append(range.from()).append(" to ").append(range.to()).append(": ");
    for (int i = 0; i < series.size(); i++) {
      TrendChart.Series s = series.get(i);
      PeriodCount peak = s.counts().stream().max(Comparator.comparingInt(PeriodCount::papers)).orElseThrow();
      alt.append(i == 0 ? "" : "; ").append(TextCut.cut(s.name(), 200)).append(" ").append(total(s))
          .append(total(s) == 1 ? " paper" : " papers");
      if (peak.papers() > 0) {
        alt.append(", most (").append(peak.papers()).append(") in the ").append(range.unitName()).append(" from ")
            .append(peak.start());
      }
    }
    return TextCut.cut(alt.append('.').toString(), Block.Attachment.MAX_ALT_TEXT);
  }

  private static List<String> notes(Term main, Optional<Term> vs) {
    List<String> notes = new ArrayList<>();
    // context lines are plain text: quotes, not code spans
    main.readAsPlainWords().ifPresent(e -> notes.add("“" + TextCut.cut(main.label(), LABEL)
        + "” read as plain words (query syntax, " + e + ")."));
    vs.flatMap(v -> v.readAsPlainWords().map(e -> "“" + TextCut.cut(v.label(), LABEL)
        + "” read as plain words (query syntax, " + e + ")."))
        .ifPresent(notes::add);
    return notes;
  }

  private TrendChart.Series count(Term term, TrendRange range) {
    return new TrendChart.Series(term.label(), store.countPerPeriod(term.query(), range.from(), range.to(), range.by()));
  }

  private static int total(TrendChart.Series s) {
    return s.counts().stream().mapToInt(PeriodCount::papers).sum();
  }

  /**
   * A query as typed and as searched. Like {@code /search}, what is not valid syntax is counted
   * as plain words, and the answer says so.
   */
  record Term(String label, Query query, Optional<String> readAsPlainWords) {}

  private static Term term(String text) {
    if (text.isEmpty()) {
      throw new UsageException("Give some words to count papers for.", DEFINITION.usage());
    }
    SearchInput input = SearchInput.parse(text);
    Query query = input.query().orElseThrow(() -> new UsageException(
        "`" + code(text) + "` has no letters or digits to look for.", DEFINITION.usage()));
    return new Term(text, query, input.readAsPlainWords().map(Throwable::getMessage));
  }

  private static String code(String text) {
    return text.replace("`", "'");
  }
}
