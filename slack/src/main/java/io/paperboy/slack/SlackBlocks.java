package io.paperboy.slack;

import static io.paperboy.slack.SlackRenderer.CARD_SUMMARY_BUDGET;
import static io.paperboy.slack.SlackRenderer.MAX_ALT_TEXT;
import static io.paperboy.slack.SlackRenderer.MAX_CARD_TITLE;
import static io.paperboy.slack.SlackRenderer.MAX_CONTEXT_ELEMENTS;
import static io.paperboy.slack.SlackRenderer.MAX_CONTEXT_TEXT;
import static io.paperboy.slack.SlackRenderer.MAX_HEADER_TEXT;
import static io.paperboy.slack.SlackRenderer.MAX_IMAGE_URL;
import static io.paperboy.slack.SlackRenderer.MAX_LINK_URL;
import static io.paperboy.slack.SlackRenderer.MAX_SECTION_TEXT;

import com.ibm.icu.text.BreakIterator;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ImageElement;
import io.paperboy.core.format.AuthorList;
import io.paperboy.core.format.Latex;
import io.paperboy.core.format.TextCut;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Mention;
import io.paperboy.store.ArxivId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Draws one message block as Block Kit blocks, each within Slack's per-block limits, and counts
 * the characters it adds to a message so the renderer can keep whole messages small.
 *
 * <p>Over 300 lines because it is one drawing per {@code Block} kind plus the section splitting
 * they all share; each drawing is a short method, and the limits they keep are Slack's, in one place.
 */
final class SlackBlocks {

  private static final Pattern HTTP_URL = Pattern.compile("^https?://\\S+$");
  private static final Pattern SLACK_ID = Pattern.compile("^[A-Z0-9]+$");
  /** Room left in a section below which an over-long line starts a new section instead. */
  private static final int MIN_ROOM_FOR_CUT = 500;

  /**
   * Blocks that must stay together in one message.
   *
   * @param blocks   the Block Kit blocks
   * @param chars    every character of text, URL and alt text they carry
   * @param card     whether they draw a paper card (cards are separated by dividers)
   * @param headline a plain one-liner for the fallback text (header text, card title), or empty
   */
  record Unit(List<LayoutBlock> blocks, int chars, boolean card, Optional<String> headline) {
    Unit {
      blocks = List.copyOf(blocks);
    }
  }

  private SlackBlocks() {}

  static Optional<Unit> unit(Block block) {
    return block.accept(Units.INSTANCE);
  }

  /** Each kind of block as its unit, or nothing when it would show nothing (a blank header). */
  private enum Units implements Block.Visitor<Optional<Unit>> {
    INSTANCE;

    @Override
    public Optional<Unit> visit(Block.Header header) {
      return header(header.text());
    }

    @Override
    public Optional<Unit> visit(Block.Text text) {
      return text(text.markdown());
    }

    @Override
    public Optional<Unit> visit(Block.Context context) {
      return context(context.items());
    }

    @Override
    public Optional<Unit> visit(Block.Divider divider) {
      return Optional.of(divider());
    }

    @Override
    public Optional<Unit> visit(Block.Image image) {
      return image(image);
    }

    @Override
    public Optional<Unit> visit(Block.PaperCard card) {
      return Optional.of(card(card));
    }

    @Override
    public Optional<Unit> visit(Block.Attachment attachment) {
      return attachment(attachment);
    }
  }

  static Unit divider() {
    return new Unit(List.of(DividerBlock.builder().build()), 0, false, Optional.empty());
  }

  /** The one ping a message may make: {@code <@U…>} for a user, {@code <!subteam^S…>} for a user group. */
  static Optional<Unit> mention(Mention mention) {
    if (!SLACK_ID.matcher(mention.id()).matches()) {
      return Optional.empty();
    }
    String text = mention.kind() == Mention.Kind.USER ? "<@" + mention.id() + ">" : "<!subteam^" + mention.id() + ">";
    return Optional.of(new Unit(List.of(section(text)), text.length(), false, Optional.of(text)));
  }

  private static Optional<Unit> header(String raw) {
    String text = TextCut.cut(raw.strip(), MAX_HEADER_TEXT);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    HeaderBlock header = HeaderBlock.builder().text(plain(text)).build();
    return Optional.of(new Unit(List.of(header), text.length(), false, Optional.of(text)));
  }

  private static Optional<Unit> text(String markdown) {
    List<String> sections = sections(List.of(), SlackMrkdwn.lines(markdown), Integer.MAX_VALUE, TextCut.ELLIPSIS);
    if (sections.isEmpty()) {
      return Optional.empty();
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    int chars = 0;
    for (String s : sections) {
      blocks.add(section(s));
      chars += s.length();
    }
    return Optional.of(new Unit(blocks, chars, false, Optional.empty()));
  }

  private static Optional<Unit> context(List<String> items) {
    List<String> texts = new ArrayList<>();
    for (String item : items) {
      if (!item.isBlank()) {
        texts.add(item.strip());
      }
    }
    if (texts.isEmpty()) {
      return Optional.empty();
    }
    if (texts.size() > MAX_CONTEXT_ELEMENTS) {
      // Slack takes ten elements; the tail is joined rather than dropped
      List<String> tail = texts.subList(MAX_CONTEXT_ELEMENTS - 1, texts.size());
      String joined = String.join(" · ", tail);
      texts = new ArrayList<>(texts.subList(0, MAX_CONTEXT_ELEMENTS - 1));
      texts.add(joined);
    }
    List<ContextBlockElement> elements = new ArrayList<>();
    int chars = 0;
    for (String t : texts) {
      String cut = TextCut.cut(t, MAX_CONTEXT_TEXT);
      elements.add(plain(cut));
      chars += cut.length();
    }
    return Optional.of(new Unit(List.of(ContextBlock.builder().elements(elements).build()), chars, false,
        Optional.empty()));
  }

  private static Optional<Unit> image(Block.Image image) {
    if (!isImageUrl(image.url())) {
      return Optional.empty();
    }
    String alt = altText(image.altText());
    ImageBlock block = ImageBlock.builder().imageUrl(image.url()).altText(alt).build();
    return Optional.of(new Unit(List.of(block), image.url().length() + alt.length(), false, Optional.empty()));
  }

  /**
   * Blocks cannot carry file bytes, so an attached image is drawn as its text version in a code
   * block (sparklines stay aligned in monospace; a backquote in it would end the block, so it
   * becomes an apostrophe), or its alt text when it has none; a reply that can upload files
   * shares the image itself besides ({@link SlashCommandReplies}).
   */
  private static Optional<Unit> attachment(Block.Attachment attachment) {
    String text;
    if (!attachment.textVersion().isEmpty()) {
      String code = String.join("\n", attachment.textVersion()).replace('`', '\'');
      text = "```\n" + TextCut.cut(code, MAX_SECTION_TEXT - 8) + "\n```";
    } else if (!attachment.altText().isBlank()) {
      text = SlackMrkdwn.escape(TextCut.cut(attachment.altText().strip(), MAX_SECTION_TEXT));
    } else {
      return Optional.empty();
    }
    return Optional.of(new Unit(List.of(section(text)), text.length(), false, Optional.empty()));
  }

  /*
   * Every field a digest fills is bounded here or in sections(): the title (MAX_CARD_TITLE, at a
   * grapheme boundary, counted after escaping), the abstract and video URLs (MAX_LINK_URL), the
   * summary (CARD_SUMMARY_BUDGET, sections of MAX_SECTION_TEXT), the alt text (MAX_ALT_TEXT), the
   * thumbnail URL (MAX_IMAGE_URL) and the authors (MAX_CONTEXT_TEXT).
   */
  private static Unit card(Block.PaperCard card) {
    String title = escapedCut(Latex.readable(card.title()).strip(), MAX_CARD_TITLE);
    String absUrl = card.absUrl().length() <= MAX_LINK_URL ? card.absUrl() : ArxivId.absUrl(card.arxivId());
    String titleLine = "*" + card.rank().map(r -> r + ". ").orElse("")
        + SlackMrkdwn.link(absUrl, title.isEmpty() ? card.arxivId() : title) + "*";
    String more = TextCut.ELLIPSIS + " " + SlackMrkdwn.link(absUrl, "more");
    List<String> sections = sections(List.of(titleLine), SlackMrkdwn.lines(card.summary()), CARD_SUMMARY_BUDGET, more);

    List<LayoutBlock> blocks = new ArrayList<>();
    int chars = 0;
    for (int i = 0; i < sections.size(); i++) {
      SectionBlock.SectionBlockBuilder section = SectionBlock.builder().text(markdown(sections.get(i)));
      chars += sections.get(i).length();
      if (i == 0 && card.thumbnail().filter(SlackBlocks::isImageUrl).isPresent()) {
        String url = card.thumbnail().get();
        String alt = altText(title);
        section.accessory(ImageElement.builder().imageUrl(url).altText(alt).build());
        chars += url.length() + alt.length();
      }
      blocks.add(section.build());
    }
    List<ContextBlockElement> small = new ArrayList<>();
    card.votes().ifPresent(v -> small.add(plain("▲ " + v + (v == 1 ? " vote" : " votes"))));
    if (!card.authors().isEmpty()) {
      small.add(plain(TextCut.cut(AuthorList.of(card), MAX_CONTEXT_TEXT)));
    }
    if (!card.dates().isEmpty()) {
      small.add(plain(dates(card.dates())));
    }
    String links = SlackMrkdwn.link(card.pdfUrl(), "PDF") + " · " + SlackMrkdwn.link(card.huggingFaceUrl(), "Hugging Face")
        + card.video().filter(v -> v.length() <= MAX_LINK_URL).map(v -> " · " + SlackMrkdwn.link(v, "Video")).orElse("");
    small.add(markdown(links));
    for (ContextBlockElement e : small) {
      chars += e instanceof PlainTextObject p ? p.getText().length() : ((MarkdownTextObject) e).getText().length();
    }
    blocks.add(ContextBlock.builder().elements(small).build());
    String headline = card.rank().map(r -> r + ". ").orElse("") + title;
    return new Unit(blocks, chars, true, Optional.of(headline));
  }

  /**
   * {@code text} cut at a grapheme boundary (with "…") so that, once {@link SlackMrkdwn#escape}d,
   * it takes at most {@code max} chars: each {@code &}, {@code <}, {@code >} grows by an entity.
   */
  static String escapedCut(String text, int max) {
    if (SlackMrkdwn.escape(text).length() <= max) {
      return text;
    }
    BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
    graphemes.setText(text);
    int budget = max - TextCut.ELLIPSIS.length();
    int used = 0;
    int end = 0;
    for (int next = graphemes.next(); next != BreakIterator.DONE; next = graphemes.next()) {
      int cost = SlackMrkdwn.escape(text.substring(end, next)).length();
      if (used + cost > budget) {
        break;
      }
      used += cost;
      end = next;
    }
    return text.substring(0, end).stripTrailing() + TextCut.ELLIPSIS;
  }


  /**
   * Packs mrkdwn lines into section texts of at most {@link SlackRenderer#MAX_SECTION_TEXT}
   * chars, after the {@code leading} lines (a card's title). A single over-long line, or the line
   * that crosses {@code budget} summary chars, is cut with {@code suffix}; lines after the budget
   * are left to the link in that suffix.
   */
  static List<String> sections(List<String> leading, List<String> lines, int budget, String suffix) {
    List<String> sections = new ArrayList<>();
    StringBuilder current = new StringBuilder(String.join("\n", leading));
    int used = 0;
    for (String line : lines) {
      String piece = line;
      boolean last = false;
      if (used + piece.length() > budget) {
        piece = SlackMrkdwn.cut(piece, Math.max(budget - used, suffix.length() + 1), suffix);
        last = true;
      }
      int room = current.length() == 0 ? MAX_SECTION_TEXT : MAX_SECTION_TEXT - current.length() - 1;
      if (piece.length() > room) {
        if (piece.length() > MAX_SECTION_TEXT && room >= MIN_ROOM_FOR_CUT) {
          // it must be cut anyway: cut it where it stands rather than after an extra section break
          piece = SlackMrkdwn.cut(piece, room, suffix);
        } else {
          flush(current, sections);
          piece = SlackMrkdwn.cut(piece, MAX_SECTION_TEXT, suffix);
        }
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      current.append(piece);
      used += piece.length();
      if (last) {
        break;
      }
    }
    flush(current, sections);
    return sections;
  }

  private static void flush(StringBuilder current, List<String> sections) {
    String text = current.toString().strip();
    if (!text.isEmpty()) {
      sections.add(text);
    }
    current.setLength(0);
  }

  static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(markdown(mrkdwn)).build();
  }

  /**
   * Verbatim mrkdwn: Slack still draws formatting and explicit {@code <url|label>} links, but does
   * not turn bare {@code @here} or channel names in digest text into mentions.
   */
  private static MarkdownTextObject markdown(String text) {
    return MarkdownTextObject.builder().text(text).verbatim(true).build();
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).build();
  }

  private static String altText(String text) {
    String alt = TextCut.cut(text.strip(), MAX_ALT_TEXT);
    return alt.isEmpty() ? "image" : alt;
  }

  private static boolean isImageUrl(String url) {
    return url.length() <= MAX_IMAGE_URL && HTTP_URL.matcher(url).matches();
  }

  private static String dates(List<LocalDate> dates) {
    if (dates.size() <= 3) {
      return String.join(", ", dates.stream().map(LocalDate::toString).toList());
    }
    return dates.get(0) + " … " + dates.get(dates.size() - 1) + " (" + dates.size() + " days)";
  }
}
