package io.paperboy.slack;

import com.slack.api.model.block.LayoutBlock;
import io.paperboy.core.format.TextCut;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.slack.SlackBlocks.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws a platform-neutral {@link Message} as Block Kit: header, one section per paper card with
 * its title linked and its summary in mrkdwn (thumbnail as accessory), a context line with votes,
 * authors and dates, dividers between cards. Pure: no I/O.
 *
 * <p>A message that does not fit Slack's limits is split into several posts, never by dropping a
 * paper: each post keeps at most {@link #MAX_BLOCKS} blocks and {@link #MESSAGE_TEXT_BUDGET}
 * characters, well below the undocumented ~12k ceiling behind {@code msg_blocks_too_long}.
 */
public final class SlackRenderer {

  /** Blocks per message (Slack). */
  public static final int MAX_BLOCKS = 50;
  /** Text of one section block (Slack). */
  public static final int MAX_SECTION_TEXT = 3_000;
  /** Plain text of a header block (Slack). */
  public static final int MAX_HEADER_TEXT = 150;
  /** Elements of a context block (Slack). */
  public static final int MAX_CONTEXT_ELEMENTS = 10;
  /** Text of one context element (ours; Slack's text objects take up to 3,000). */
  public static final int MAX_CONTEXT_TEXT = 2_000;
  /** Alt text of an image (Slack). */
  public static final int MAX_ALT_TEXT = 2_000;
  /** Image URL (Slack). */
  public static final int MAX_IMAGE_URL = 3_000;
  /**
   * A card's title as shown, escaped (ours: real titles stay under 300 chars; a hostile one must
   * leave its section room and keep one card well under the ~12k message ceiling).
   */
  public static final int MAX_CARD_TITLE = 1_000;
  /**
   * A URL a card links in mrkdwn (ours: a longer abstract URL is replaced by the paper's canonical
   * one, a longer video URL is left out rather than cut into a broken link).
   */
  public static final int MAX_LINK_URL = 1_000;
  /** All text, URLs and alt text of one message's blocks (ours, for Slack's ~12k ceiling). */
  public static final int MESSAGE_TEXT_BUDGET = 9_000;
  /** Summary characters one card shows before "… more" (ours: one card always fits one message). */
  public static final int CARD_SUMMARY_BUDGET = 6_000;
  /** Fallback text length (ours: notifications show a line or two; Slack takes 40,000). */
  public static final int MAX_FALLBACK_TEXT = 3_000;

  /** One message, split into consecutive posts. */
  public List<SlackPost> render(Message message) {
    List<Unit> units = new ArrayList<>();
    Optional<Unit> ping = message.mention().flatMap(SlackBlocks::mention);
    ping.ifPresent(units::add);
    for (Block block : message.blocks()) {
      SlackBlocks.unit(block).ifPresent(units::add);
    }
    return pack(units, title(message), ping.flatMap(Unit::headline));
  }

  /**
   * The thread layout: a head post (everything but the cards; split if it must be) and one reply
   * per paper card, in order.
   */
  public SlackThreadPosts renderThreads(Message message) {
    List<Unit> head = new ArrayList<>();
    List<SlackPost> replies = new ArrayList<>();
    Optional<Unit> ping = message.mention().flatMap(SlackBlocks::mention);
    ping.ifPresent(head::add);
    for (Block block : message.blocks()) {
      Optional<Unit> unit = SlackBlocks.unit(block);
      if (unit.isEmpty()) {
        continue;
      }
      if (block instanceof Block.PaperCard) {
        replies.add(post(unit.get().blocks(), List.of(unit.get()), Optional.empty(), Optional.empty()));
      } else {
        head.add(unit.get());
      }
    }
    if (head.size() == (ping.isPresent() ? 1 : 0)) {
      int n = replies.size();
      SlackBlocks.unit(new Block.Text(n + (n == 1 ? " paper" : " papers") + " in the thread")).ifPresent(head::add);
    }
    return new SlackThreadPosts(pack(head, title(message), ping.flatMap(Unit::headline)), replies);
  }

  private static List<SlackPost> pack(List<Unit> units, Optional<String> title, Optional<String> ping) {
    List<List<Unit>> parts = new ArrayList<>();
    List<Unit> current = new ArrayList<>();
    int blocks = 0;
    int chars = 0;
    for (Unit unit : units) {
      boolean divider = !current.isEmpty() && current.get(current.size() - 1).card() && unit.card();
      int needed = unit.blocks().size() + (divider ? 1 : 0);
      if (!current.isEmpty() && (blocks + needed > MAX_BLOCKS || chars + unit.chars() > MESSAGE_TEXT_BUDGET)) {
        parts.add(current);
        current = new ArrayList<>();
        blocks = 0;
        chars = 0;
        divider = false;
        needed = unit.blocks().size();
      }
      if (divider) {
        current.add(SlackBlocks.divider());
      }
      current.add(unit);
      blocks += needed;
      chars += unit.chars();
    }
    if (!current.isEmpty()) {
      parts.add(current);
    }
    List<SlackPost> posts = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      List<LayoutBlock> layout = new ArrayList<>();
      parts.get(i).forEach(u -> layout.addAll(u.blocks()));
      Optional<String> lead = parts.size() == 1
          ? title
          : Optional.of(title.orElse("Paperboy") + " (" + (i + 1) + "/" + parts.size() + ")");
      posts.add(post(layout, parts.get(i), lead, i == 0 ? ping : Optional.empty()));
    }
    return posts;
  }

  /**
   * A post with its fallback text: the ping (raw, so the notification pings too), the title, and
   * one line per paper; for a short answer without those, its first section's text.
   */
  private static SlackPost post(List<LayoutBlock> blocks, List<Unit> units, Optional<String> lead,
      Optional<String> ping) {
    List<String> lines = new ArrayList<>();
    lead.ifPresent(l -> lines.add(SlackMrkdwn.escape(l)));
    for (Unit u : units) {
      if (u.card()) {
        u.headline().map(SlackMrkdwn::escape).ifPresent(lines::add);
      }
    }
    if (lines.isEmpty()) {
      blocks.stream().map(SlackRenderer::sectionText).flatMap(Optional::stream)
          .filter(t -> ping.isEmpty() || !t.equals(ping.get())).findFirst().ifPresent(lines::add);
    }
    String text = SlackMrkdwn.cut(lines.isEmpty() ? "Paperboy" : String.join("\n", lines), MAX_FALLBACK_TEXT,
        TextCut.ELLIPSIS);
    return new SlackPost(ping.map(p -> p + " ").orElse("") + text, blocks);
  }

  private static Optional<String> sectionText(LayoutBlock block) {
    return block instanceof com.slack.api.model.block.SectionBlock s && s.getText() != null
        ? Optional.of(s.getText().getText()) : Optional.empty();
  }

  private static Optional<String> title(Message message) {
    for (Block b : message.blocks()) {
      if (b instanceof Block.Header h && !h.text().isBlank()) {
        return Optional.of(TextCut.cut(h.text().strip(), MAX_HEADER_TEXT));
      }
    }
    return Optional.empty();
  }
}
