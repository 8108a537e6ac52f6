package io.paperboy.discord;

import io.paperboy.core.message.Block;
import io.paperboy.core.message.Mention;
import io.paperboy.core.message.Message;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Draws a platform-neutral {@link Message} as one or more Discord messages. Pure: needs no JDA
 * session.
 *
 * <p>Layout: the blocks before the first paper or image (a day's header, an intro) become the
 * first message's text; each paper is one embed ({@link PaperCardEmbed}); later text becomes note
 * embeds. Embeds are packed into messages of at most {@value MessageEmbedLimits#MAX_EMBEDS}
 * embeds and {@value MessageEmbedLimits#MAX_TOTAL} characters, starting a new message whenever
 * the next one would not fit, so every limit holds and no paper is ever dropped.
 *
 * <p>Mentions: every message allows no mention at all, whatever its text says ({@code @everyone}
 * in a summary stays inert); a message carrying a {@link Mention} pings exactly that user or role
 * from the first message's text.
 */
public final class DiscordRenderer {

  /** The limits that drive packing, named after JDA's own constants. */
  static final class MessageEmbedLimits {
    static final int MAX_EMBEDS = net.dv8tion.jda.api.entities.Message.MAX_EMBED_COUNT;
    static final int MAX_TOTAL = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    static final int MAX_CONTENT = net.dv8tion.jda.api.entities.Message.MAX_CONTENT_LENGTH;

    private MessageEmbedLimits() {}
  }

  /** Renders {@code message}; an empty message renders as no Discord message at all. */
  public List<MessageCreateData> render(Message message) {
    List<Block> blocks = message.blocks();
    int firstVisual = 0;
    while (firstVisual < blocks.size() && isText(blocks.get(firstVisual))) {
      firstVisual++;
    }
    List<Block> lead = blocks.subList(0, firstVisual);
    List<Block> body = blocks.subList(firstVisual, blocks.size());

    String mention = message.mention().map(DiscordRenderer::mentionText).orElse("");
    String leadText = leadContent(lead);
    String content = join(mention, leadText);
    List<MessageEmbed> embeds = new ArrayList<>();
    if (content.length() > MessageEmbedLimits.MAX_CONTENT) {
      // too long for message text: the lead goes into embeds like any other text
      content = mention;
      embeds.addAll(NoteEmbeds.of(lead));
    }
    embeds.addAll(bodyEmbeds(body));
    return pack(content, embeds, message.mention());
  }

  private static boolean isText(Block block) {
    return block instanceof Block.Header || block instanceof Block.Text
        || block instanceof Block.Context || block instanceof Block.Divider;
  }

  private static String leadContent(List<Block> lead) {
    List<String> lines = new ArrayList<>();
    for (Block block : lead) {
      if (block instanceof Block.Header h && !h.text().isBlank()) {
        lines.add("## " + DiscordMarkdown.escape(h.text().strip()));
      } else if (block instanceof Block.Text t) {
        String md = DiscordMarkdown.convert(t.markdown());
        if (!md.isEmpty()) {
          lines.add(md);
        }
      } else if (block instanceof Block.Context c && !c.items().isEmpty()) {
        lines.add("-# " + DiscordMarkdown.escape(String.join(" · ", c.items())));
      }
    }
    return String.join("\n", lines);
  }

  private static List<MessageEmbed> bodyEmbeds(List<Block> body) {
    List<MessageEmbed> embeds = new ArrayList<>();
    List<Block> run = new ArrayList<>();
    for (Block block : body) {
      if (block instanceof Block.PaperCard card) {
        embeds.addAll(NoteEmbeds.of(run));
        run.clear();
        embeds.add(PaperCardEmbed.of(card));
      } else if (block instanceof Block.Image image) {
        embeds.addAll(NoteEmbeds.of(run));
        run.clear();
        image(image).ifPresent(embeds::add);
      } else if (block instanceof Block.Divider) {
        embeds.addAll(NoteEmbeds.of(run));
        run.clear();
      } else {
        run.add(block);
      }
    }
    embeds.addAll(NoteEmbeds.of(run));
    return embeds;
  }

  private static Optional<MessageEmbed> image(Block.Image image) {
    return PaperCardEmbed.validUrl(image.url()).map(url -> {
      EmbedBuilder embed = new EmbedBuilder().setImage(url);
      if (!image.altText().isBlank()) {
        embed.setDescription(DiscordText.fit(DiscordMarkdown.escape(image.altText()),
            MessageEmbed.DESCRIPTION_MAX_LENGTH));
      }
      return embed.build();
    });
  }

  private static List<MessageCreateData> pack(String content, List<MessageEmbed> embeds, Optional<Mention> mention) {
    List<MessageCreateData> messages = new ArrayList<>();
    List<MessageEmbed> current = new ArrayList<>();
    int length = 0;
    for (MessageEmbed embed : embeds) {
      if (!current.isEmpty()
          && (current.size() == MessageEmbedLimits.MAX_EMBEDS || length + embed.getLength() > MessageEmbedLimits.MAX_TOTAL)) {
        messages.add(message(messages.isEmpty() ? content : "", current, messages.isEmpty() ? mention : Optional.empty()));
        current = new ArrayList<>();
        length = 0;
      }
      current.add(embed);
      length += embed.getLength();
    }
    if (!current.isEmpty() || !content.isEmpty()) {
      messages.add(message(messages.isEmpty() ? content : "", current, messages.isEmpty() ? mention : Optional.empty()));
    }
    return messages;
  }

  private static MessageCreateData message(String content, List<MessageEmbed> embeds, Optional<Mention> mention) {
    MessageCreateBuilder builder = new MessageCreateBuilder()
        .setContent(content)
        .setEmbeds(embeds)
        .setAllowedMentions(EnumSet.noneOf(MentionType.class))
        .mentionRepliedUser(false);
    mention.ifPresent(m -> {
      if (m.kind() == Mention.Kind.USER) {
        builder.mentionUsers(m.id());
      } else {
        builder.mentionRoles(m.id());
      }
    });
    return builder.build();
  }

  private static String mentionText(Mention m) {
    return m.kind() == Mention.Kind.USER ? "<@" + m.id() + ">" : "<@&" + m.id() + ">";
  }

  private static String join(String mention, String text) {
    if (mention.isEmpty()) {
      return text;
    }
    if (text.isEmpty()) {
      return mention;
    }
    // a heading or subtext line only renders at the start of a line
    return mention + (text.startsWith("#") || text.startsWith("-#") ? "\n" : " ") + text;
  }
}
