package io.paperboy.bot.subscriptions;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.Workload;
import io.paperboy.bot.delivery.PostComposer;
import io.paperboy.bot.delivery.PostPreviews;
import io.paperboy.core.message.Message;
import io.paperboy.store.PaperStore;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Subscription;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /preview}: what this channel's daily post would be for the latest stored day, with the
 * channel's top-N and vote threshold, shown only to the caller; for a weekly channel, its weekly
 * post of the seven days up to the latest stored day. The flood bound applies as it does to the
 * real post (on the caller's platform, in the channel's style), and the note says how many
 * messages the post takes.
 */
public final class PreviewCommand implements Command {

  static final CommandDefinition DEFINITION = CommandDefinition.of("preview",
      "Show (only to you) what this channel's daily or weekly post looks like for the latest day");

  private final Subscribing subscribing;
  private final PaperStore store;
  private final PostPreviews posts;

  public PreviewCommand(Subscribing subscribing, PaperStore store, PostPreviews posts) {
    this.subscribing = Objects.requireNonNull(subscribing, "subscribing");
    this.store = Objects.requireNonNull(store, "store");
    this.posts = Objects.requireNonNull(posts, "posts");
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
    Optional<LocalDate> latest = store.latestDigestDate();
    if (latest.isEmpty()) {
      return Message.ephemeralText("No digest has been ingested yet, so there is nothing to preview.");
    }
    Optional<Subscription> subscription = subscribing.find(request.channel());
    int top = subscription.map(Subscription::top).orElse(0);
    Optional<Integer> minVotes = subscription.flatMap(Subscription::minVotes);
    String note = subscription.map(s -> "Preview of this channel's post (" + SubscriptionText.settings(s) + ")")
        .orElse("Preview with the default settings: this channel is not subscribed (`/subscribe` starts it)");
    boolean weekly = subscription.map(s -> s.cadence() == Subscription.Cadence.WEEKLY).orElse(false);
    Subscription.Style style = subscription.map(Subscription::style).orElse(Subscription.Style.DIGEST);
    Platform platform = request.channel().platform();
    // a weekly channel sees the week its next post would carry, were the latest day the day before it
    LocalDate first = latest.get().minusDays(6);
    PostComposer.Composed composed = weekly ? posts.weekly(platform, style, first, latest.get(), top, minVotes)
        : posts.daily(platform, style, latest.get(), top, minVotes);
    if (composed instanceof PostComposer.Skip skip) {
      return Message.ephemeralText(note + ": nothing would be posted for "
          + (weekly ? first + " – " : "") + latest.get() + " — " + skip.reason() + ".");
    }
    Message post = ((PostComposer.Post) composed).message();
    int messages = posts.messages(platform, style, post);
    Message.Builder b = Message.builder().context(note + " · " + messages + (messages == 1 ? " message" : " messages")
        + " · only you see this");
    post.blocks().forEach(b::add);
    return b.ephemeral(true).build();
  }
}
