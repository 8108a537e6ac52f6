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
    Notes notes = new Notes();
    for (Block block : run) {
      block.accept(notes);
    }
    return notes.finish();
  }

  /** Collects titles and paragraphs; each new header closes the note before it. */
  private static final class Notes implements Block.Visitor<Void> {
    private final List<MessageEmbed> embeds = new ArrayList<>();
    private final List<String> paragraphs = new ArrayList<>();
    private String title;

    @Override
    public Void visit(Block.Header header) {
      if (!header.text().isBlank()) {
        if (title != null || !paragraphs.isEmpty()) {
          embeds.addAll(build(title, paragraphs));
          paragraphs.clear();
        }
        title = header.text().strip();
      }
      return null;
    }

    @Override
    public Void visit(Block.Text text) {
      String md = DiscordMarkdown.convert(text.markdown());
      if (!md.isEmpty()) {
        paragraphs.add(md);
      }
      return null;
    }

    @Override
    public Void visit(Block.Context context) {
      if (!context.items().isEmpty()) {
        paragraphs.add("*" + DiscordMarkdown.escape(String.join(" · ", context.items())) + "*");
      }
      return null;
    }

    // the renderer hands over runs of text only: dividers, images, cards and attachments end a run before it gets here
    @Override
    public Void visit(Block.Divider divider) {
      return null;
    }

    @Override
    public Void visit(Block.Image image) {
      return null;
    }

    @Override
    public Void visit(Block.PaperCard card) {
      return null;
    }

    @Override
    public Void visit(Block.Attachment attachment) {
      return null;
    }

    List<MessageEmbed> finish() {
      if (title != null || !paragraphs.isEmpty()) {
        embeds.addAll(build(title, paragraphs));
      }
      return embeds;
    }
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
