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
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Draws a platform-neutral {@link Message} as one or more Discord messages. Pure: needs no JDA
 * session.
 *
 * <p>Layout: the blocks before the first paper or image (a day's header, an intro) become the
 * first message's text; each paper is one embed ({@link PaperCardEmbed}); an attached image (a
 * chart) is a file of the message shown in an embed of its own ({@code attachment://trend.png});
 * later text becomes note embeds. Embeds are packed into messages of at most {@value MessageEmbedLimits#MAX_EMBEDS}
 * embeds and {@value MessageEmbedLimits#MAX_TOTAL} characters, starting a new message whenever
 * the next one would not fit, so every limit holds and no paper is ever dropped.
 *
 * <p>Mentions: every message allows no mention at all, whatever its text says ({@code @everyone}
 * in a summary stays inert); a message carrying a {@link Mention} pings exactly that user or role
 * from the first message's text.
 *
 * <p>Over 300 lines because layout and packing work on one list of pieces whose limits (embed
 * count, total characters, files) only hold if they are checked together.
 */
public final class DiscordRenderer {

  /** The limits that drive packing, named after JDA's own constants. */
  static final class MessageEmbedLimits {
    static final int MAX_EMBEDS = net.dv8tion.jda.api.entities.Message.MAX_EMBED_COUNT;
    static final int MAX_TOTAL = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    static final int MAX_CONTENT = net.dv8tion.jda.api.entities.Message.MAX_CONTENT_LENGTH;
    static final int MAX_FILES = net.dv8tion.jda.api.entities.Message.MAX_FILE_AMOUNT;
    static final int MAX_FILE_DESCRIPTION = FileUpload.MAX_DESCRIPTION_LENGTH;

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
    List<Piece> embeds = new ArrayList<>();
    if (content.length() > MessageEmbedLimits.MAX_CONTENT) {
      // too long for message text: the lead goes into embeds like any other text
      content = mention;
      NoteEmbeds.of(lead).forEach(e -> embeds.add(Piece.of(e)));
    }
    embeds.addAll(bodyEmbeds(body));
    return pack(content, embeds, message.mention());
  }

  private static boolean isText(Block block) {
    return block.accept(IsText.INSTANCE);
  }

  private static String leadContent(List<Block> lead) {
    List<String> lines = new ArrayList<>();
    for (Block block : lead) {
      block.accept(LeadLine.INSTANCE).ifPresent(lines::add);
    }
    return String.join("\n", lines);
  }

  private static List<Piece> bodyEmbeds(List<Block> body) {
    BodyEmbeds embeds = new BodyEmbeds();
    for (Block block : body) {
      block.accept(embeds);
    }
    return embeds.finish();
  }

  /** Whether a block can be part of the message text before the first paper or image. */
  private enum IsText implements Block.Visitor<Boolean> {
    INSTANCE;

    @Override
    public Boolean visit(Block.Header header) {
      return true;
    }

    @Override
    public Boolean visit(Block.Text text) {
      return true;
    }

    @Override
    public Boolean visit(Block.Context context) {
      return true;
    }

    @Override
    public Boolean visit(Block.Divider divider) {
      return true;
    }

    @Override
    public Boolean visit(Block.Image image) {
      return false;
    }

    @Override
    public Boolean visit(Block.PaperCard card) {
      return false;
    }

    @Override
    public Boolean visit(Block.Attachment attachment) {
      return false;
    }
  }

  /** A block of the lead as one line of message text, if it shows anything there. */
  private enum LeadLine implements Block.Visitor<Optional<String>> {
    INSTANCE;

    @Override
    public Optional<String> visit(Block.Header header) {
      return header.text().isBlank() ? Optional.empty()
          : Optional.of("## " + DiscordMarkdown.escape(header.text().strip()));
    }

    @Override
    public Optional<String> visit(Block.Text text) {
      String md = DiscordMarkdown.convert(text.markdown());
      return md.isEmpty() ? Optional.empty() : Optional.of(md);
    }

    @Override
    public Optional<String> visit(Block.Context context) {
      return context.items().isEmpty() ? Optional.empty()
          : Optional.of("-# " + DiscordMarkdown.escape(String.join(" · ", context.items())));
    }

    @Override
    public Optional<String> visit(Block.Divider divider) {
      // message text has no rule; the line break between blocks separates enough
      return Optional.empty();
    }

    // the lead ends at the first image, card or attachment (IsText), so these never reach it
    @Override
    public Optional<String> visit(Block.Image image) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visit(Block.PaperCard card) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visit(Block.Attachment attachment) {
      return Optional.empty();
    }
  }

  /**
   * One embed, and the file it shows when it shows an attached image: the two must travel in the
   * same Discord message, since {@code attachment://name} only refers to files of its own message.
   */
  private record Piece(MessageEmbed embed, Optional<Block.Attachment> file) {
    static Piece of(MessageEmbed embed) {
      return new Piece(embed, Optional.empty());
    }
  }

  /**
   * The blocks after the lead as embeds: each card, image and attachment its own, dividers only
   * end a run, and runs of text become {@link NoteEmbeds}.
   */
  private static final class BodyEmbeds implements Block.Visitor<Void> {
    private final List<Piece> embeds = new ArrayList<>();
    private final List<Block> run = new ArrayList<>();

    @Override
    public Void visit(Block.Header header) {
      run.add(header);
      return null;
    }

    @Override
    public Void visit(Block.Text text) {
      run.add(text);
      return null;
    }

    @Override
    public Void visit(Block.Context context) {
      run.add(context);
      return null;
    }

    @Override
    public Void visit(Block.Divider divider) {
      endRun();
      return null;
    }

    @Override
    public Void visit(Block.Image image) {
      endRun();
      image(image).map(Piece::of).ifPresent(embeds::add);
      return null;
    }

    @Override
    public Void visit(Block.PaperCard card) {
      endRun();
      embeds.add(Piece.of(PaperCardEmbed.of(card)));
      return null;
    }

    @Override
    public Void visit(Block.Attachment attachment) {
      endRun();
      // the embed shows the uploaded file itself; its alt text travels as the file's description
      embeds.add(new Piece(new EmbedBuilder().setImage("attachment://" + attachment.fileName()).build(),
          Optional.of(attachment)));
      return null;
    }

    private void endRun() {
      NoteEmbeds.of(run).forEach(e -> embeds.add(Piece.of(e)));
      run.clear();
    }

    List<Piece> finish() {
      endRun();
      return embeds;
    }
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

  private static List<MessageCreateData> pack(String content, List<Piece> embeds, Optional<Mention> mention) {
    List<MessageCreateData> messages = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    int length = 0;
    int files = 0;
    for (Piece piece : embeds) {
      MessageEmbed embed = piece.embed();
      int file = piece.file().isPresent() ? 1 : 0;
      if (!current.isEmpty()
          && (current.size() == MessageEmbedLimits.MAX_EMBEDS || length + embed.getLength() > MessageEmbedLimits.MAX_TOTAL
              || files + file > MessageEmbedLimits.MAX_FILES)) {
        messages.add(message(messages.isEmpty() ? content : "", current, messages.isEmpty() ? mention : Optional.empty()));
        current = new ArrayList<>();
        length = 0;
        files = 0;
      }
      current.add(piece);
      length += embed.getLength();
      files += file;
    }
    if (!current.isEmpty() || !content.isEmpty()) {
      messages.add(message(messages.isEmpty() ? content : "", current, messages.isEmpty() ? mention : Optional.empty()));
    }
    return messages;
  }

  private static MessageCreateData message(String content, List<Piece> pieces, Optional<Mention> mention) {
    List<MessageEmbed> embeds = new ArrayList<>(pieces.size());
    List<FileUpload> files = new ArrayList<>();
    for (Piece piece : pieces) {
      embeds.add(piece.embed());
      piece.file().ifPresent(a -> files.add(FileUpload.fromData(a.png(), a.fileName())
          .setDescription(a.altText().isBlank() ? null : DiscordText.fit(a.altText(), MessageEmbedLimits.MAX_FILE_DESCRIPTION))));
    }
    MessageCreateBuilder builder = new MessageCreateBuilder()
        .setContent(content)
        .setEmbeds(embeds)
        .setFiles(files)
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
