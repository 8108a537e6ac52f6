package io.paperboy.bot.alerts;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.bot.config.AlertsConfig;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.alert.Alert;
import io.paperboy.store.alert.AlertStore;
import io.paperboy.store.query.MatchableText;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.QueryMatcher;
import io.paperboy.store.query.QueryParser;
import io.paperboy.store.query.QuerySyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /alert add|list|remove|test}: keyword alerts for a channel or for oneself. */
public final class AlertCommand implements Command {

  /** Papers {@code /alert test} looks through, newest first. */
  static final int TEST_WINDOW = 2_000;
  static final int TEST_SHOWN = 10;

  private static final OptionDefinition QUERY = OptionDefinition.rest("query",
      "words, \"phrases\", OR, -word, title:/author:/summary:, /regex/", true).withValue("QUERY");

  private static final CommandDefinition DEFINITION = CommandDefinition.group("alert", "Keyword alerts on new papers",
      CommandDefinition.of("add", "Alert this channel (managers) or you (to:me) when a new paper matches", QUERY,
          OptionDefinition.choice("to", "where hits go: this channel (default) or your direct messages", false,
              List.of("channel", "me")),
          OptionDefinition.mentionable("mention", "the one role or user a channel alert pings", false)
              .withValue("@role-or-user")),
      CommandDefinition.of("list", "This channel's alerts and your own"),
      CommandDefinition.of("remove", "Remove an alert by its number",
          OptionDefinition.integer("id", "the alert's number from /alert list", true, 1, Long.MAX_VALUE).withValue("ID")),
      CommandDefinition.of("test", "Which recent papers a query would have matched, and why", QUERY));

  private final AlertStore alerts;
  private final PaperStore papers;
  private final AlertsConfig limits;
  private final UserRateLimiter rateLimiter;

  public AlertCommand(AlertStore alerts, PaperStore papers, AlertsConfig limits) {
    this.alerts = alerts;
    this.papers = papers;
    this.limits = limits;
    this.rateLimiter = new UserRateLimiter(limits.commandsPerMinute(), Duration.ofMinutes(1));
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Message handle(CommandRequest r) {
    ChannelRef where = r.channel();
    Optional<Duration> wait = rateLimiter.acquire(where.platform() + ":" + where.workspace() + ":" + r.caller().userId(),
        r.now());
    if (wait.isPresent()) {
      return Message.ephemeralText("Too many `/alert` commands: at most " + limits.commandsPerMinute()
          + " a minute. Try again in " + Math.max(1, wait.get().toSeconds()) + " s.");
    }
    return switch (r.subcommand().orElse("list")) {
      case "add" -> add(r);
      case "remove" -> remove(r);
      case "test" -> test(r);
      default -> list(r);
    };
  }

  private Message add(CommandRequest r) {
    String text = r.string("query").orElseThrow().strip();
    checkSyntax(text, "add");
    ChannelRef where = r.channel();
    boolean toMe = r.string("to").filter("me"::equals).isPresent();
    Optional<String> mention = r.string("mention");
    if (toMe && mention.isPresent()) {
      throw new UsageException("A direct-message alert pings only you; `mention` is for channel alerts.", usage("add"));
    }
    if (!toMe && !r.caller().canManage()) {
      return Message.ephemeralText("Only people who can manage this channel may add alerts for it. "
          + "Use `to:me` to get alerts in your direct messages instead.");
    }
    if (alerts.countInWorkspace(where.platform(), where.workspace()) >= limits.maxPerWorkspace()) {
      return Message.ephemeralText("This workspace already has " + limits.maxPerWorkspace()
          + " alerts, the most it may hold. Remove one with `/alert remove ID` first.");
    }
    if (alerts.countByUser(where.platform(), where.workspace(), r.caller().userId()) >= limits.maxPerUser()) {
      return Message.ephemeralText("You already have " + limits.maxPerUser() + " alerts here, the most one person may "
          + "create. Remove one with `/alert remove ID` first.");
    }
    ChannelRef target = toMe
        ? ChannelRef.directMessage(where.platform(), where.workspace(), r.caller().userId())
        : ChannelRef.of(where.platform(), where.workspace(), where.channel());
    Optional<Alert> saved = alerts.add(where.platform(), where.workspace(), target, r.caller().userId(), text,
        mention, r.now());
    if (saved.isEmpty()) {
      return Message.ephemeralText("That alert already exists " + (toMe ? "for you" : "for this channel") + ".");
    }
    Alert a = saved.get();
    return Message.ephemeralText("Alert #" + a.id() + " saved: `" + text + "` → " + describeTarget(a)
        + ". New papers that match are posted once, at ingest. Try `/alert test " + text + "` to see recent matches.");
  }

  private Message list(CommandRequest r) {
    ChannelRef where = r.channel();
    List<Alert> mine = alerts.inWorkspace(where.platform(), where.workspace()).stream()
        .filter(a -> a.toDirectMessage() ? a.createdBy().equals(r.caller().userId()) : a.target().channel().equals(where.channel()))
        .toList();
    if (mine.isEmpty()) {
      return Message.ephemeralText("No alerts for this channel or for you. Add one with `/alert add QUERY`.");
    }
    String lines = mine.stream().map(a -> "- #" + a.id() + " `" + a.query() + "` → " + describeTarget(a))
        .collect(Collectors.joining("\n"));
    return Message.builder().header("Alerts").text(lines).ephemeral(true).build();
  }

  private Message remove(CommandRequest r) {
    ChannelRef where = r.channel();
    long id = r.integer("id").orElseThrow();
    Optional<Alert> alert = alerts.find(where.platform(), where.workspace(), id);
    if (alert.isEmpty()) {
      return Message.ephemeralText("There is no alert #" + id + " here. `/alert list` shows the numbers.");
    }
    Alert a = alert.get();
    boolean own = a.createdBy().equals(r.caller().userId());
    if (a.toDirectMessage() ? !own : !r.caller().canManage()) {
      return Message.ephemeralText(a.toDirectMessage()
          ? "Alert #" + id + " belongs to someone else."
          : "Only people who can manage channels may remove channel alerts.");
    }
    alerts.remove(where.platform(), where.workspace(), id);
    return Message.ephemeralText("Alert #" + id + " (`" + a.query() + "`) removed.");
  }

  private Message test(CommandRequest r) {
    String text = r.string("query").orElseThrow().strip();
    checkSyntax(text, "test");
    Query query = QueryParser.parse(text);
    List<Paper> recent = papers.recentPapers(TEST_WINDOW);
    StringBuilder lines = new StringBuilder();
    int matched = 0;
    for (Paper p : recent) {
      Optional<List<QueryMatcher.Hit>> hits = QueryMatcher.explain(query, new MatchableText(p.title(), p.authors(), p.summary()));
      if (hits.isPresent()) {
        if (++matched <= TEST_SHOWN) {
          lines.append("- [").append(p.title().replace("]", "\\]")).append("](").append(p.url()).append(") — ")
              .append(Why.describe(hits.get())).append('\n');
        }
      }
    }
    Message.Builder b = Message.builder().header("Alert test: " + text).ephemeral(true);
    if (matched == 0) {
      b.text("None of the last " + recent.size() + " papers match.");
    } else {
      b.text(lines.toString().strip());
      b.context(matched + " of the last " + recent.size() + " papers match"
          + (matched > TEST_SHOWN ? " (newest " + TEST_SHOWN + " shown)" : ""));
    }
    return b.build();
  }

  /** A malformed query is bad input, answered (and classified) like any other usage error. */
  private static void checkSyntax(String text, String subcommand) {
    try {
      QueryParser.parse(text);
    } catch (QuerySyntaxException e) {
      throw new UsageException("That query has a problem at " + e.getMessage() + "\n```\n" + e.pointer() + "\n```",
          usage(subcommand));
    }
  }

  private static String usage(String subcommand) {
    CommandDefinition sub = DEFINITION.subcommand(subcommand).orElseThrow();
    return "/" + DEFINITION.name() + " " + sub.usage().substring(1);
  }

  private static String describeTarget(Alert a) {
    String target = a.toDirectMessage() ? "your direct messages" : "this channel";
    return target + a.mention().map(m -> ", pinging " + (m.startsWith("role:") ? "role " : "user ") + m.substring(5))
        .orElse("");
  }
}
