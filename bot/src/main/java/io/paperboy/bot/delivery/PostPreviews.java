package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Message;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Subscription;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The post a subscription would get, cut by both halves of the flood bound exactly as the delivery
 * worker cuts it (the composers' paper bound, then {@link MessageBound} measured by the platform's
 * renderer), for {@code /preview} and {@code paperboy preview}: a preview of a big day shows the
 * cards and the "…and N more" line the real post will have, in as many messages.
 */
public final class PostPreviews {

  private final DailyPosts daily;
  private final WeeklyPosts weekly;
  private final MessageBound bound;
  private final Map<Platform, PostSize> sizes;

  /**
   * @param sizes how each platform's renderer splits a post; a platform without one (the console)
   *              posts in one message
   */
  public PostPreviews(DailyPosts daily, WeeklyPosts weekly, MessageBound bound, Map<Platform, PostSize> sizes) {
    this.daily = Objects.requireNonNull(daily, "daily");
    this.weekly = Objects.requireNonNull(weekly, "weekly");
    this.bound = Objects.requireNonNull(bound, "bound");
    this.sizes = Map.copyOf(sizes);
  }

  /** What a subscription in {@code style} on {@code platform} would post for {@code date}. */
  public PostComposer.Composed daily(Platform platform, Subscription.Style style, LocalDate date, int top,
      Optional<Integer> minVotes) {
    return bounded(platform, style, daily.digest(date, top, minVotes), cards -> daily.digest(date, top, minVotes, cards));
  }

  /** What a weekly subscription in {@code style} on {@code platform} would post for {@code first..last}. */
  public PostComposer.Composed weekly(Platform platform, Subscription.Style style, LocalDate first, LocalDate last,
      int top, Optional<Integer> minVotes) {
    return bounded(platform, style, weekly.week(first, last, top, minVotes),
        cards -> weekly.week(first, last, top, minVotes, cards));
  }

  /** How many messages {@code post} takes on {@code platform} in {@code style}. */
  public int messages(Platform platform, Subscription.Style style, Message post) {
    return size(platform).messages(post, RowDelivery.style(style));
  }

  private PostComposer.Composed bounded(Platform platform, Subscription.Style style, PostComposer.Composed full,
      IntFunction<PostComposer.Composed> withCards) {
    if (!(full instanceof PostComposer.Post post)) {
      return full;
    }
    PostStyle postStyle = RowDelivery.style(style);
    return new PostComposer.Post(bound.fit(post.message(),
        cards -> withCards.apply(cards) instanceof PostComposer.Post p ? p.message() : null,
        size(platform), postStyle).message());
  }

  private PostSize size(Platform platform) {
    return sizes.getOrDefault(platform, PostSize.ONE);
  }
}
