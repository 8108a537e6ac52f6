package io.paperboy.slack;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.webhook.WebhookResponse;
import io.paperboy.core.command.Replies;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slash command as the command service's reply port. Bolt wants the acknowledgement as the
 * handler's return value, so the handler thread {@linkplain #awaitAcknowledgement waits} for the
 * service's decision: an answer that fits one message is the acknowledgement's body; anything
 * else is an empty {@code ack()} followed by {@code respond()} through the response_url (in
 * order, at most the five posts Slack allows per response_url).
 *
 * <p>An answer with an attached image (a {@code /trend} chart) cannot travel through the
 * acknowledgement or the response_url, which take blocks only: its text goes there as usual
 * (in the channel, so everyone sees who asked), and the image follows as a file shared into the
 * channel ({@link SlackFileShare}). If Slack refuses the file (the bot is not in the channel, the
 * app lacks {@code files:write}), the asker alone gets the chart's text version and the reason.
 * An ephemeral answer never carries its image: a shared file is visible to the whole channel,
 * which would defeat "only you"; its text version is shown instead, with a note saying so.
 */
final class SlashCommandReplies implements Replies {

  /** Slack lets an app use a {@code response_url} five times. */
  static final int MAX_RESPONSES = 5;
  /** How much longer than the answer budget the handler waits before it acknowledges by itself. */
  private static final Duration GRACE = Duration.ofMillis(500);

  private static final Logger log = LoggerFactory.getLogger(SlashCommandReplies.class);

  private final SlashCommandContext ctx;
  private final SlackRenderer renderer;
  private final String invokedAs;
  private final CompletableFuture<Response> acknowledgement = new CompletableFuture<>();

  SlashCommandReplies(SlashCommandContext ctx, SlackRenderer renderer, String invokedAs) {
    this.ctx = ctx;
    this.renderer = renderer;
    this.invokedAs = invokedAs;
  }

  @Override
  public void answer(Message message) {
    if (hasAttachments(message)) {
      acknowledge();
      followUp(message);
      return;
    }
    List<SlackPost> posts = renderer.render(message);
    if (posts.size() == 1 && acknowledgement.complete(ctx.ack(response(posts.get(0), message.ephemeral())))) {
      return;
    }
    // several posts (or the handler already acknowledged by itself): ack empty, then respond in order
    acknowledge();
    respond(posts, message.ephemeral());
  }

  @Override
  public void acknowledge() {
    acknowledgement.complete(ctx.ack());
  }

  @Override
  public void followUp(Message message) {
    if (!hasAttachments(message)) {
      respond(renderer.render(message), message.ephemeral());
    } else if (message.ephemeral()) {
      respond(renderer.render(withNote(message, "Slack cannot show an image in a message only you see; "
          + "here it is as text.")), true);
    } else {
      respond(renderer.render(withoutAttachments(message)), false);
      shareAttachments(message);
    }
  }

  private void shareAttachments(Message message) {
    String title = message.blocks().stream().filter(b -> b instanceof Block.Header).map(b -> ((Block.Header) b).text())
        .findFirst().orElse("Paperboy");
    for (Block block : message.blocks()) {
      if (block instanceof Block.Attachment attachment) {
        Optional<String> refused = SlackFileShare.share(ctx.client(), ctx.getChannelId(), attachment, title);
        if (refused.isPresent()) {
          log.warn("{}: could not share {} in {}: {}", invokedAs, attachment.fileName(), ctx.getChannelId(), refused.get());
          respond(renderer.render(Message.builder()
              .text(":warning: I could not post the chart in this channel (`" + refused.get() + "`)"
                  + hint(refused.get()) + ". Here it is as text:")
              .add(attachment).ephemeral(true).build()), true);
        }
      }
    }
  }

  /** What the asker can do about a refused file, for the errors someone can fix. */
  private static String hint(String error) {
    return switch (error) {
      case "not_in_channel" -> "; invite me with `/invite @Paperboy` and ask again";
      case "missing_scope" -> "; the app needs the `files:write` scope: reinstall it from config/slack-app-manifest.yml";
      default -> "";
    };
  }

  private static boolean hasAttachments(Message message) {
    return message.blocks().stream().anyMatch(b -> b instanceof Block.Attachment);
  }

  private static Message withoutAttachments(Message message) {
    return new Message(message.blocks().stream().filter(b -> !(b instanceof Block.Attachment)).toList(),
        message.ephemeral(), message.mention());
  }

  private static Message withNote(Message message, String note) {
    List<Block> blocks = new ArrayList<>(message.blocks());
    blocks.add(new Block.Context(List.of(note)));
    return new Message(blocks, message.ephemeral(), message.mention());
  }

  /**
   * The acknowledgement for Bolt to send, once the service has decided; if the decision does not
   * come within the budget and a little grace (it always should), an empty one, and the answer
   * follows through the response_url.
   */
  Response awaitAcknowledgement(Duration answerBudget) {
    try {
      return acknowledgement.get(answerBudget.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("{}: no decision within {}; acknowledging empty", invokedAs, answerBudget.plus(GRACE));
      acknowledge();
      return acknowledgement.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acknowledgement.complete(ctx.ack(":warning: Paperboy is shutting down; try again in a moment."));
      return acknowledgement.join();
    } catch (ExecutionException e) {
      // never completed exceptionally; an empty ack is still the right answer to Slack
      return ctx.ack();
    }
  }

  private void respond(List<SlackPost> posts, boolean ephemeral) {
    if (posts.size() > MAX_RESPONSES) {
      log.warn("an answer of {} messages exceeds the {} a response_url takes; the rest is not shown",
          posts.size(), MAX_RESPONSES);
    }
    for (SlackPost post : posts.subList(0, Math.min(posts.size(), MAX_RESPONSES))) {
      try {
        WebhookResponse r = ctx.respond(response(post, ephemeral));
        if (r.getCode() != 200) {
          log.warn("response_url answered HTTP {}: {}", r.getCode(), r.getBody());
          return;
        }
      } catch (IOException e) {
        log.warn("could not answer {} through response_url: {}", invokedAs, e.toString());
        return;
      }
    }
  }

  private static SlashCommandResponse response(SlackPost post, boolean ephemeral) {
    return SlashCommandResponse.builder()
        .responseType(ephemeral ? "ephemeral" : "in_channel")
        .text(post.text())
        .blocks(post.blocks())
        .build();
  }
}
