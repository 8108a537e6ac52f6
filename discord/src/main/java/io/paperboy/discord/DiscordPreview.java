package io.paperboy.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The exact message-create request bodies Discord would receive for a post, as JDA serialises
 * them ({@code POST /channels/{id}/messages}), for {@code paperboy preview --platform discord}.
 * The per-request {@code nonce} / {@code enforce_nonce} pair is added only when posting.
 */
public final class DiscordPreview {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private DiscordPreview() {}

  /** A JSON array with one request body per Discord message of {@code post}, keys sorted. */
  public static String previewJson(Message post) {
    return toJson(new DiscordRenderer().render(post));
  }

  /**
   * How many Discord messages a post takes in {@code style}, as {@link DiscordGateway#post} sends
   * it: the rendered parts, or in threads style the header's parts and one per card. Renders, posts
   * nothing; {@code /preview} and the delivery worker's message bound both count with it.
   */
  public static int messages(Message post, PostStyle style) {
    return messages(new DiscordRenderer(), post, style);
  }

  static int messages(DiscordRenderer renderer, Message post, PostStyle style) {
    if (style == PostStyle.THREADS && !post.paperCards().isEmpty()) {
      List<Block> headerBlocks = post.blocks().stream().filter(b -> !(b instanceof Block.PaperCard)).toList();
      return renderer.render(new Message(headerBlocks, false, post.mention())).size() + post.paperCards().size();
    }
    return renderer.render(post).size();
  }

  /** The request bodies of already rendered messages, as a JSON array with sorted keys. */
  static String toJson(List<MessageCreateData> messages) {
    List<Object> bodies = new ArrayList<>();
    for (MessageCreateData data : messages) {
      bodies.add(body(data));
    }
    try {
      return JSON.writeValueAsString(bodies) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write preview JSON", e);
    }
  }

  /** One message's request body as plain maps and lists. */
  static Map<?, ?> body(MessageCreateData data) {
    try {
      return JSON.readValue(data.toData().toJson(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("JDA produced unreadable JSON", e);
    }
  }
}
