package io.paperboy.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command answers or a delivery posts, before any platform draws it.
 *
 * @param blocks    the content, top to bottom
 * @param ephemeral whether only the caller should see it (errors, configuration answers)
 * @param mention   the one user or role this message may ping (an alert's target); all other
 *                  mention-like text in the message stays inert
 */
public record Message(List<Block> blocks, boolean ephemeral, Optional<Mention> mention) {

  public Message {
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(mention, "mention");
  }

  public static Message of(Block... blocks) {
    return new Message(List.of(blocks), false, Optional.empty());
  }

  /** A short ephemeral answer, e.g. an error or a usage hint. */
  public static Message ephemeralText(String markdown) {
    return new Message(List.of(new Block.Text(markdown)), true, Optional.empty());
  }

  public Message asEphemeral() {
    return new Message(blocks, true, mention);
  }

  public Message withMention(Mention m) {
    return new Message(blocks, ephemeral, Optional.of(m));
  }

  /** The paper cards of this message, in order. */
  public List<Block.PaperCard> paperCards() {
    List<Block.PaperCard> cards = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Block.PaperCard card) {
        cards.add(card);
      }
    }
    return cards;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects blocks in order. */
  public static final class Builder {
    private final List<Block> blocks = new ArrayList<>();
    private boolean ephemeral;

    public Builder header(String text) {
      blocks.add(new Block.Header(text));
      return this;
    }

    public Builder text(String markdown) {
      blocks.add(new Block.Text(markdown));
      return this;
    }

    public Builder context(String... items) {
      blocks.add(new Block.Context(List.of(items)));
      return this;
    }

    public Builder divider() {
      blocks.add(new Block.Divider());
      return this;
    }

    public Builder add(Block block) {
      blocks.add(block);
      return this;
    }

    public Builder ephemeral(boolean value) {
      this.ephemeral = value;
      return this;
    }

    public Message build() {
      return new Message(blocks, ephemeral, Optional.empty());
    }
  }
}
