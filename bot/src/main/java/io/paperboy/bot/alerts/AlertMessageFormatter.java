package io.paperboy.bot.alerts;

import io.paperboy.core.format.PaperCards;
import io.paperboy.core.message.Mention;
import io.paperboy.core.message.Message;
import io.paperboy.store.PaperStore;
import io.paperboy.store.alert.AlertBatch;
import java.util.Optional;

/**
 * The message of one alert delivery: a count, the matching papers with why each matched, and the
 * one mention the alert asked for (every other mention-like text stays inert).
 */
public final class AlertMessageFormatter {

  private final PaperStore store;

  public AlertMessageFormatter(PaperStore store) {
    this.store = store;
  }

  public Message format(AlertBatch batch) {
    int n = batch.papers().size();
    Message.Builder b = Message.builder().header("🔔 " + n + (n == 1 ? " new paper matches" : " new papers match")
        + (batch.target().isDirectMessage() ? " your alert" : " this channel's alerts"));
    for (AlertBatch.Item item : batch.papers()) {
      store.paper(item.arxivId()).ifPresent(p -> {
        b.add(PaperCards.of(p));
        b.context("Matched: " + String.join(", ", item.hits()));
      });
    }
    Message m = b.build();
    return mention(batch.mention()).map(m::withMention).orElse(m);
  }

  /** {@code user:ID} / {@code role:ID} as stored, to the message model's mention. */
  static Optional<Mention> mention(Optional<String> stored) {
    return stored.map(s -> new Mention(s.startsWith("role:") ? Mention.Kind.ROLE : Mention.Kind.USER, s.substring(5)));
  }
}
