package io.paperboy.bot.subscriptions;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.message.Message;
import io.paperboy.store.delivery.Subscription;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code /subscribe [time:HH:MM] [timezone:ZONE] [days:…] [top:N] [min_votes:V] [style:…] [no_digest_note:yes|no]
 * [cadence:daily|weekly] [day:mon]}: subscribes this channel to the daily post (or, with
 * {@code cadence:weekly}, to a weekly one with the most voted papers of the seven days before, on
 * {@code day}), or changes its subscription; answers with the settings and when the next post
 * comes. Channel managers only.
 */
public final class SubscribeCommand implements Command {

  static final CommandDefinition DEFINITION = CommandDefinition.managed("subscribe",
      "Post the daily papers digest in this channel (or change when and how)",
      OptionDefinition.string("time", "local posting time as HH:MM (default 09:00)", false)
          .withValue("HH:MM").writtenByName(),
      OptionDefinition.string("timezone", "IANA time zone, e.g. Asia/Seoul or America/New_York", false)
          .withValue("ZONE").writtenByName(),
      OptionDefinition.string("days", "weekdays, daily, weekends or days like mon,wed,fri", false)
          .withValue("weekdays|daily|weekends|mon,wed,…").writtenByName(),
      OptionDefinition.integer("top", "post only the N best-ranked papers (0 = all)", false, 0, 100)
          .withValue("N").writtenByName(),
      OptionDefinition.integer("min_votes", "post only papers with at least V votes (0 = no minimum)", false, 0,
          1_000_000).withValue("V").writtenByName(),
      OptionDefinition.choice("style", "one message, or a thread per paper", false, List.of("digest", "threads"))
          .writtenByName(),
      OptionDefinition.bool("no_digest_note", "say so on days without a digest", false)
          .withValue("yes|no").writtenByName(),
      OptionDefinition.choice("cadence", "daily digests, or weekly: the week's most voted papers (default top 10)",
          false, List.of("daily", "weekly")).writtenByName(),
      OptionDefinition.string("day", "the day of a weekly post (default mon)", false)
          .withValue("mon|tue|…|sun").writtenByName());

  private final Subscribing subscribing;

  public SubscribeCommand(Subscribing subscribing) {
    this.subscribing = Objects.requireNonNull(subscribing, "subscribing");
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Message handle(CommandRequest request) {
    SubscriptionChanges changes;
    Subscribing.Outcome outcome;
    try {
      changes = SubscriptionChanges.parse(request.string("time"), request.string("timezone"), request.string("days"),
          request.integer("top"), request.integer("min_votes"), request.string("style"), request.bool("no_digest_note"),
          request.string("cadence"), request.string("day"));
      outcome = subscribing.subscribe(request.channel(), changes, request.now());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + ".", DEFINITION.usage());
    }
    Subscription s = outcome.subscription();
    boolean weekly = s.cadence() == Subscription.Cadence.WEEKLY;
    String post = weekly ? "weekly post" : "daily post";
    String first = outcome.created()
        ? (weekly ? "This channel now gets the week's most voted papers, once a week." : "This channel now gets the daily papers digest.")
        : outcome.resumed() ? "This channel's " + post + " is resumed." : "This channel's " + post + " is updated.";
    String with = weekly ? ", with the most voted papers of the seven days before."
        : ", with that day's digest — or as soon as it arrives.";
    return Message.builder()
        .header("Subscribed")
        .text(first + "\n**Settings:** " + SubscriptionText.settings(s)
            + "\n**Next post:** " + SubscriptionText.nextPost(s, request.now()) + with)
        .context("Change any setting with /subscribe again · /preview shows the post · /unsubscribe stops it")
        .ephemeral(true)
        .build();
  }

  @Override
  public List<String> suggest(String option, String prefix) {
    if (!option.equals("timezone")) {
      return List.of();
    }
    String p = prefix.toLowerCase(Locale.ROOT);
    return ZoneId.getAvailableZoneIds().stream()
        .filter(id -> id.contains("/") && id.toLowerCase(Locale.ROOT).contains(p))
        // zones starting with what was typed first, then the ones merely containing it
        .sorted(Comparator.comparing((String id) -> !id.toLowerCase(Locale.ROOT).startsWith(p))
            .thenComparing(Comparator.naturalOrder()))
        .limit(25)
        .toList();
  }
}
