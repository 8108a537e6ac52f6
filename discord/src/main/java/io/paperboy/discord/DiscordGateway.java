package io.paperboy.discord;

import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.format.Latex;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumPost;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Posts messages to Discord channels for the delivery worker, through the bot's JDA session.
 * Blocking: call it from a worker thread, never from a JDA callback.
 *
 * <p>Styles: {@link PostStyle#DIGEST} posts the rendered messages in order;
 * {@link PostStyle#THREADS} posts the day's header, then each paper as its own message with a
 * thread started from it for discussion; {@link PostStyle#FORUM} opens one forum post named after
 * the header and continues the day inside it. A {@link ChannelRef#thread()} posts into that
 * thread.
 *
 * <p>Each message carries a nonce derived from the idempotency key and its position, with
 * {@code enforce_nonce}, so a retry within Discord's nonce window returns the earlier message
 * instead of posting twice. Rate limits (429) are waited out by JDA itself.
 */
public final class DiscordGateway implements ChannelGateway {

  /** Used when a post carries no header to name its forum post. */
  static final String DEFAULT_FORUM_POST_NAME = "Daily Papers";

  private final DiscordShards shards;
  private final DiscordRenderer renderer;
  private final Duration timeout;
  private final InvalidRequestGuard guard;

  /**
   * @param timeout how long one request may take, rate-limit waits included, before the post is
   *                reported as {@link PostException.Kind#TRANSIENT}
   * @param guard   pauses posting while invalid answers approach Discord's ban threshold
   */
  DiscordGateway(DiscordShards shards, DiscordRenderer renderer, Duration timeout, InvalidRequestGuard guard) {
    this.shards = Objects.requireNonNull(shards, "shards");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public PostReceipt post(ChannelRef channel, Message message, PostOptions options) throws PostException {
    if (channel.platform() != Platform.DISCORD) {
      throw new PostException(PostException.Kind.PERMANENT, "wrong-platform", "not a Discord channel: " + channel.key());
    }
    Optional<Duration> paused = guard.pausedFor();
    if (paused.isPresent()) {
      throw new PostException(PostException.Kind.RATE_LIMITED, "invalid-requests",
          "Discord posting paused: " + guard.count() + " invalid requests (401/403/429) in the last 10 minutes"
              + " approach Discord's ban threshold; not posting to " + channel.key(), paused, null);
    }
    JDA jda = channel.isDirectMessage() ? shards.any() : shardOf(channel);
    if (jda.getStatus() != JDA.Status.CONNECTED) {
      // the cache may be rebuilding: do not mistake that for a deleted channel
      throw new PostException(PostException.Kind.TRANSIENT, "not-connected",
          "Discord shard " + jda.getShardInfo().getShardId() + " is " + jda.getStatus() + ", cannot post to "
              + channel.key());
    }
    Nonces nonces = new Nonces(options.idempotencyKey());
    try {
      if (channel.isDirectMessage()) {
        // an alert to one person: Discord opens (or returns) the DM channel with that user
        PrivateChannel dm = jda.openPrivateChannelById(channel.directMessageUser().orElseThrow()).complete();
        return new PostReceipt(send(dm, renderer.render(message), nonces));
      }
      GuildChannel target = DiscordChannels.resolve(jda, channel, options.style());
      if (target instanceof ForumChannel forum) {
        return forum(forum, message, nonces, options.mayHavePosted());
      }
      MessageChannel messages = (MessageChannel) target;
      if (options.style() == PostStyle.THREADS && !(target instanceof ThreadChannel) && !message.paperCards().isEmpty()) {
        return threads((GuildMessageChannel) messages, message, nonces);
      }
      return new PostReceipt(send(messages, renderer.render(message), nonces));
    } catch (RuntimeException e) {
      throw DiscordErrors.classify(channel, e);
    }
  }

  /** As {@link #post} sends them: the rendered parts, or in threads style the header's parts and one per card. */
  @Override
  public int messages(Message message, PostStyle style) {
    return DiscordPreview.messages(renderer, message, style);
  }

  /** The session of the guild's shard; a guild whose shard another instance runs cannot be posted to from here. */
  private JDA shardOf(ChannelRef channel) throws PostException {
    long guild;
    try {
      guild = Long.parseUnsignedLong(channel.workspace());
    } catch (NumberFormatException e) {
      throw new PostException(PostException.Kind.CHANNEL_GONE, "10004",
          "cannot post to " + channel.key() + ": " + channel.workspace() + " is not a Discord guild id");
    }
    return shards.forGuild(guild).orElseThrow(() -> new PostException(PostException.Kind.TRANSIENT, "other-shard",
        "guild " + channel.workspace() + " is on shard " + ShardPlan.shardOf(guild, shards.total()) + " of "
            + shards.total() + ", which this instance does not run; cannot post to " + channel.key()));
  }

  private List<String> send(MessageChannel channel, List<MessageCreateData> parts, Nonces nonces) {
    List<String> ids = new ArrayList<>();
    for (MessageCreateData part : parts) {
      ids.add(complete(channel.sendMessage(part).setNonce(nonces.next())).getId());
    }
    return ids;
  }

  private PostReceipt threads(GuildMessageChannel channel, Message message, Nonces nonces) {
    List<Block> headerBlocks = message.blocks().stream().filter(b -> !(b instanceof Block.PaperCard)).toList();
    List<String> ids = new ArrayList<>(
        send(channel, renderer.render(new Message(headerBlocks, false, message.mention())), nonces));
    for (Block.PaperCard card : message.paperCards()) {
      List<MessageCreateData> parts = renderer.render(Message.of(card));
      net.dv8tion.jda.api.entities.Message posted = complete(channel.sendMessage(parts.get(0)).setNonce(nonces.next()));
      ids.add(posted.getId());
      try {
        complete(posted.createThreadChannel(threadName(card)));
      } catch (ErrorResponseException e) {
        // a retried post finds the thread it started last time
        if (e.getErrorResponse() != ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS) {
          throw e;
        }
      }
    }
    return new PostReceipt(ids);
  }

  private PostReceipt forum(ForumChannel forum, Message message, Nonces nonces, boolean mayHavePosted) {
    List<MessageCreateData> parts = renderer.render(message);
    if (parts.isEmpty()) {
      return new PostReceipt(List.of());
    }
    String name = forumPostName(message);
    String marker = ForumMarker.of(nonces.key());
    // a forum post takes no nonce: after an attempt that may have created it, look for it first
    Optional<ThreadChannel> earlier = mayHavePosted ? ForumMarker.find(forum, name, marker, timeout) : Optional.empty();
    ThreadChannel thread;
    List<String> ids = new ArrayList<>();
    if (earlier.isPresent()) {
      thread = earlier.get();
      // the starter message of a forum post has the thread's id
      ids.add(thread.getId());
    } else {
      ForumPost post = complete(forum.createForumPost(name, ForumMarker.mark(parts.get(0), marker)));
      thread = post.getThreadChannel();
      ids.add(post.getMessage().getId());
    }
    nonces.next();
    // the rest carry nonces: what the interrupted attempt already posted comes back, not again
    ids.addAll(send(thread, parts.subList(1, parts.size()), nonces));
    return new PostReceipt(ids);
  }

  private <T> T complete(RestAction<T> action) {
    return action.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete();
  }

  static String threadName(Block.PaperCard card) {
    String title = card.rank().map(r -> "#" + r + " ").orElse("") + Latex.readable(card.title()).strip();
    return DiscordText.fit(title.isBlank() ? card.arxivId() : title, Channel.MAX_NAME_LENGTH);
  }

  static String forumPostName(Message message) {
    Optional<String> header = message.blocks().stream()
        .filter(Block.Header.class::isInstance).map(b -> ((Block.Header) b).text().strip())
        .filter(s -> !s.isEmpty()).findFirst();
    return DiscordText.fit(header.orElse(DEFAULT_FORUM_POST_NAME), Channel.MAX_NAME_LENGTH);
  }

  /**
   * Nonces for the messages of one post: the idempotency key and the message's position, hashed
   * into Discord's 25-character nonce. The same outbox row always produces the same nonces.
   */
  static final class Nonces {
    private final String key;
    private int index;

    Nonces(String key) {
      this.key = key;
    }

    String key() {
      return key;
    }

    String next() {
      return of(key, index++);
    }

    static String of(String key, int index) {
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256")
            .digest((key + "#" + index).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash).substring(0, net.dv8tion.jda.api.entities.Message.MAX_NONCE_LENGTH);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is always available", e);
      }
    }
  }
}
