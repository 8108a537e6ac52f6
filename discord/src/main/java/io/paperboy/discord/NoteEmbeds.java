package io.paperboy.discord;

import io.paperboy.core.message.Block;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * A run of text blocks (header, text, context) drawn as embeds: the header becomes the first
 * embed's title, texts and context lines its description. Text longer than one description is
 * continued in further embeds rather than cut.
 */
final class NoteEmbeds {

  private NoteEmbeds() {}

  static List<MessageEmbed> of(List<Block> run) {
    String title = null;
    List<String> paragraphs = new ArrayList<>();
    List<MessageEmbed> embeds = new ArrayList<>();
    for (Block block : run) {
      if (block instanceof Block.Header h && !h.text().isBlank()) {
        if (title != null || !paragraphs.isEmpty()) {
          embeds.addAll(build(title, paragraphs));
          paragraphs.clear();
        }
        title = h.text().strip();
      } else if (block instanceof Block.Text t) {
        String md = DiscordMarkdown.convert(t.markdown());
        if (!md.isEmpty()) {
          paragraphs.add(md);
        }
      } else if (block instanceof Block.Context c && !c.items().isEmpty()) {
        paragraphs.add("*" + DiscordMarkdown.escape(String.join(" · ", c.items())) + "*");
      }
    }
    if (title != null || !paragraphs.isEmpty()) {
      embeds.addAll(build(title, paragraphs));
    }
    return embeds;
  }

  private static List<MessageEmbed> build(String title, List<String> paragraphs) {
    List<MessageEmbed> embeds = new ArrayList<>();
    List<String> pieces = paragraphs.isEmpty()
        ? List.of()
        : DiscordText.split(String.join("\n\n", paragraphs), MessageEmbed.DESCRIPTION_MAX_LENGTH);
    if (pieces.isEmpty()) {
      embeds.add(new EmbedBuilder().setTitle(DiscordText.fit(title, MessageEmbed.TITLE_MAX_LENGTH)).build());
      return embeds;
    }
    for (int i = 0; i < pieces.size(); i++) {
      EmbedBuilder embed = new EmbedBuilder().setDescription(pieces.get(i));
      if (i == 0 && title != null) {
        embed.setTitle(DiscordText.fit(title, MessageEmbed.TITLE_MAX_LENGTH));
      }
      embeds.add(embed.build());
    }
    return embeds;
  }
}
