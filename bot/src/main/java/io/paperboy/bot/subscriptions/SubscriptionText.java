package io.paperboy.bot.subscriptions;

import io.paperboy.scheduler.plan.Durations;
import io.paperboy.scheduler.plan.Schedule;
import io.paperboy.scheduler.plan.Slot;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Describes subscriptions, their next post and their last delivery, for answers and the CLI. */
public final class SubscriptionText {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

  private SubscriptionText() {}

  /** {@code weekdays at 09:00 (Asia/Seoul) · top 5 · at least 10 votes · digest style}. */
  public static String settings(Subscription s) {
    List<String> parts = new ArrayList<>();
    parts.add(s.days().text() + " at " + s.time() + " (" + s.zone().getId() + ")");
    parts.add(s.top() == 0 ? "all papers" : "top " + s.top());
    s.minVotes().ifPresent(v -> parts.add("at least " + v + " votes"));
    parts.add(s.style().word() + " style");
    if (s.noDigestNote()) {
      parts.add("a note on days without a digest");
    }
    return String.join(" · ", parts);
  }

  /** {@code Mon 10 Jun 2024, 09:00 KST (in 2d 3h)}, or why there is none. */
  public static String nextPost(Subscription s, Instant now) {
    if (s.paused()) {
      return "none while paused (" + s.pauseReason().orElse("no reason recorded") + "); `/subscribe` again to resume";
    }
    return nextPost(s, now, date -> false);
  }

  /**
   * As {@link #nextPost(Subscription, Instant)}, passing over the slots whose post already exists
   * ({@code posted}): the planner never plans a row twice. Like the planner it counts no slot
   * before the subscription was made — which matters when the clock is pinned before that
   * ({@code --now} on a database subscribed by an earlier run).
   */
  public static String nextPost(Subscription s, Instant now, java.util.function.Predicate<java.time.LocalDate> posted) {
    if (s.paused()) {
      return nextPost(s, now);
    }
    Instant created = s.createdAt().minusNanos(1);
    Slot next = Schedule.nextSlot(s, created.isAfter(now) ? created : now);
    for (int i = 0; i < 366 && posted.test(next.date()); i++) {
      next = Schedule.nextSlot(s, next.at());
    }
    return WHEN.format(next.at().atZone(s.zone())) + " (in " + Durations.text(Duration.between(now, next.at())) + ")";
  }

  /** The last delivery of a channel: {@code 2024-06-07 sent at …}, {@code failed: …}. */
  public static String status(Delivery d, ZoneId zone) {
    String what = d.kind() == Delivery.Kind.DIGEST ? d.key() : d.kind().word() + " " + d.key();
    return switch (d.status()) {
      case SENT -> what + ": sent " + d.finishedAt().map(t -> WHEN.format(t.atZone(zone))).orElse("");
      case FAILED -> what + ": failed — " + d.lastError().orElse("no reason recorded");
      case SKIPPED -> what + ": skipped — " + d.lastError().orElse("no reason recorded");
      case PENDING -> what + ": waiting" + (d.attempts() == 0 ? "" : " to retry (attempt " + (d.attempts() + 1) + ", "
          + d.lastError().orElse("") + ")");
      case ATTEMPTING -> what + ": posting now (attempt " + d.attempts() + ")";
    };
  }

  /** How a channel is named in a message: a Discord channel mention, or its id. */
  public static String channel(ChannelRef channel) {
    String name = channel.platform() == Platform.DISCORD ? "<#" + channel.channel() + ">" : "`" + channel.channel() + "`";
    return name + channel.thread().map(t -> " (thread `" + t + "`)").orElse("");
  }
}
